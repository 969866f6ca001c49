/** The manifest checks (src/plan/checks/manifest.ts) through the plan of manifests written from the guide. */
import { describe, expect, it } from 'vitest';
import { bundle, ids, MINIMAL, plan, UFS } from '../guide-manifests.js';

describe('placeholders', () => {
  it('<PRIVATE_REGISTRY>, <YOUR_LICENSE> and <S3_BUCKET> left in are errors at their fields', () => {
    const r = plan(
      bundle(
        MINIMAL.replace('registry.example.com', '<PRIVATE_REGISTRY>').replace('LICENSE-STRING', '<YOUR_LICENSE>'),
        UFS.replace('my-bucket', '<S3_BUCKET>'),
      ),
    );
    const found = r.checks.filter((c) => c.id === 'placeholder').map((c) => c.field);
    expect(found).toEqual(['spec.image', 'spec.properties.alluxio.license', 'UnderFileSystem alluxio-s3: spec.path']);
    expect(ids(plan(MINIMAL))).not.toContain('placeholder');
  });
});
