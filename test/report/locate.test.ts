import { describe, expect, it } from 'vitest';
import { renderLocateJsonLines, renderLocateText } from '../../src/report/locate.js';

describe('locate output', () => {
  const located = [
    { key: 's3://a', workers: ['w1', 'w2'] },
    { key: 's3://b', workers: ['w3'] },
  ];

  it('text: key, a tab, the workers in preference order; one line a key', () => {
    expect(renderLocateText(located)).toBe('s3://a\tw1 w2\ns3://b\tw3\n');
  });

  it('JSON lines: one object a key', () => {
    expect(renderLocateJsonLines(located)).toBe('{"key":"s3://a","workers":["w1","w2"]}\n{"key":"s3://b","workers":["w3"]}\n');
  });

  it('with a membership\'s hosts: "identity (host)" in text, "hosts" in the same order in JSON', () => {
    const withHosts = [{ key: 's3://a', workers: ['w1', 'w2'], hosts: ['10.0.0.1', null] }];
    expect(renderLocateText(withHosts)).toBe('s3://a\tw1 (10.0.0.1) w2 (host unknown)\n');
    expect(renderLocateJsonLines(withHosts)).toBe('{"key":"s3://a","workers":["w1","w2"],"hosts":["10.0.0.1",null]}\n');
  });
});
