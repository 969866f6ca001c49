/**
 * ring-sim: placement, capacity and cache simulation for consistent-hash caches (Alluxio first).
 * The public API; everything a library user needs is re-exported here.
 */
export type { Worker } from './ring/worker.js';
export { MAX_RING_POINTS, normaliseWorkers } from './ring/worker.js';
export { RingSimError } from './core/errors.js';
export type { Placement, PlacementJSON, PlacementParams, Ownership, RingView } from './ring/placement.js';
export { SortedRing, HASH_SPACE } from './ring/sorted-ring.js';

export { murmur3x86_32, murmur3x86_32Words, murmur3String, fmix32 } from './hash/murmur3.js';
export { xxh32Words } from './hash/xxh32-words.js';
export { md5FirstWord } from './hash/md5-words.js';
export { xxh32, xxh32Bytes, xxh64, xxh64Bytes } from './hash/xxhash.js';
export { md5, ketamaHash } from './hash/md5.js';
export { KeyBuffer, utf8Bytes, writeInt32LE, type LoneSurrogateRule } from './hash/utf8.js';

export {
  type WorkerIdentity,
  type IdentityMode,
  parseIdentityString,
  parseJavaUuid,
  identityFromHostname,
  identityFromJSON,
  identityToString,
  identityHex,
  identityHashBytes,
  identityJavaHashCode,
  resolveIdentity,
} from './ring/alluxio/identity.js';

export { AlluxioConsistentPlacement, ALLUXIO_MAX_ATTEMPTS, type AlluxioConsistentOptions } from './ring/alluxio/consistent.js';
export { KetamaPlacement, ketamaDigests, type KetamaOptions, type KetamaWeighting } from './ring/ketama.js';
export { RingPlacement, RING_DEFAULT_VNODES, ringPoint, ringPointCount, type RingOptions } from './ring/ring.js';
export { JumpPlacement, jumpConsistentHash, jumpConsistentHash32 } from './ring/jump.js';
export { ALGORITHMS, ALGORITHM_NAMES, algorithmEntry, createPlacement, loadPlacement, type AlgorithmEntry, type AlgorithmOptions } from './ring/registry.js';

export { balance, shares, type BalanceReport, type BalanceOptions, type WorkerBalance } from './ring/analysis/balance.js';
export { movement, type MovementReport, type MovementOptions, type Flow } from './ring/analysis/movement.js';
export { syntheticKeys } from './ring/analysis/keys.js';
export { compareAlgorithms, type CompareOptions, type CompareReport, type CompareRow } from './ring/analysis/compare.js';

// Capacity: Kubernetes quantities, Alluxio sizes, disks, file systems, the page-store plan.
export { parseQuantity, Quantity, type QuantityFormat } from './capacity/quantity.js';
export { parseAlluxioSize } from './capacity/alluxio-size.js';
export { formatBytes, formatBinary, formatDecimal, formatIn, type ByteUnit } from './core/units.js';
export {
  provisionedDisk,
  fileSystemSpace,
  DISK_PROVIDERS,
  FILE_SYSTEMS,
  type DiskProvider,
  type FileSystem,
  type ProvisionedDisk,
  type FileSystemSpace,
} from './capacity/disk.js';
export { planPageStore, type PageStorePlan, type PageStorePlanInput, type Edition } from './capacity/pagestore-plan.js';
export { byteQuantityChecks } from './capacity/quantity-checks.js';
export { type Check, hasErrors } from './core/check.js';

// Page store: one worker's page cache, eviction policies.
export { ObjectCache, type CacheStats, type ObjectCacheOptions } from './pagestore/object-cache.js';
export { PageStore, type PageStoreOptions, type PageAccess } from './pagestore/page-store.js';
export { createEvictionPolicy, EVICTION_POLICIES, type EvictionPolicy, type EvictionPolicyName } from './pagestore/eviction/index.js';
export { KeyIndex } from './pagestore/key-index.js';
export { alluxioFileId, pageStoreDirIndex, dirIndexOfFileId } from './pagestore/hash-allocator.js';
export { alluxioUriString } from './pagestore/alluxio-uri.js';
export { PageStoreDirs, type PageStoreDirsOptions } from './pagestore/page-store-dirs.js';
export { FileDirMemo } from './pagestore/file-dir-memo.js';

// Traces and the single-cache simulator.
export {
  traceBatches,
  traceRequests,
  parseTraceFormat,
  TRACE_FORMATS,
  RequestBatch,
  type Request,
  type TraceFormat,
  type TraceOptions,
} from './sim/trace/index.js';
export { cacheSim, type CacheSimOptions, type CacheSimReport, type CacheSimResult } from './sim/cachesim.js';

// The cluster simulator.
export { parseScenario, readScenario, type Scenario, type ScenarioEvent, type WorkerGroup, type WorkloadSpec, type FileSizeSpec } from './sim/scenario.js';
export {
  simulate,
  simulation,
  simulateWithBaseline,
  replay,
  replaySteps,
  simulateShard,
  mergeShards,
  type ShardResult,
  type ShardSpec,
  type SimulationResult,
  type SimulationStep,
  type SimulateOptions,
  type WindowMetrics,
  type EventReport,
  type EventGroup,
  type WorkerReport,
} from './sim/simulate.js';
export { Random, hashUniform, seededRandom } from './core/random.js';
export { ZipfSampler } from './sim/workload/zipf.js';
export { baselineScenario, totalsDelta, withBaseline, type Baseline, type TotalsDelta } from './sim/baseline.js';
export { RECOVERY_TOLERANCE, recoveryFrom, withRecoveries, type Disturbance, type Recovery } from './sim/recovery.js';
export { groupEvents, measureEvents } from './sim/event-groups.js';
// Shards across processes or machines (`simulate --shard I/N`, `ring-sim merge`).
export { mergeParts, scenarioDigest, simulationPart, PART_FORMAT, PART_VERSION, type SimulationPart } from './sim/part.js';
export { readUfs, ufsCostUSD, ufsSeconds, ufsUsage, UFS_PRESETS, UFS_PRESET_FIGURES, type UfsModel, type UfsPreset, type UfsUsage } from './sim/ufs.js';

// Planning an AlluxioCluster, and the HTML report.
export { parseManifest, ALLUXIO_API_VERSION, type AlluxioClusterManifest, type ManifestWorkerGroup } from './plan/manifest.js';
export { buildPlan, type PlanOptions, type PlanReport, type PlanWhatIf, type PlanShare, type PlanWorker } from './plan/plan.js';
export { renderPlanText } from './report/plan-text.js';
export { renderHtml, type HtmlAssets } from './report/html.js';
export { planRing, drawIdentities, capacityWeights, type PlanRingModel } from './plan/ring-model.js';
export {
  rebalance,
  movedRanges,
  ringArcs,
  flowMatrix,
  type RebalanceChange,
  type RebalanceInput,
  type RebalanceResult,
  type RebalanceWorker,
  type FlowMatrix,
} from './report/rebalance.js';

// More placement algorithms (issue 3).
export { MaglevPlacement, MAGLEV_DEFAULT_TABLE, MAGLEV_MAX_TABLE, type MaglevOptions } from './ring/maglev.js';
export { RendezvousPlacement } from './ring/rendezvous.js';
export { MultiProbePlacement, type MultiProbeOptions } from './ring/multi-probe.js';
export { BoundedLoadPlacement, BoundedLoadState, boundedLoadMovement, type BoundedLoadOptions } from './ring/bounded-load.js';
export { AlluxioKetamaPlacement, type AlluxioKetamaOptions } from './ring/alluxio/ketama.js';
export { AlluxioJumpPlacement, jumpPaper } from './ring/alluxio/jump.js';
export { AlluxioMaglevPlacement, javaHashMapOrder, type AlluxioMaglevOptions } from './ring/alluxio/maglev.js';
export { AlluxioMultiProbePlacement, type AlluxioMultiProbeOptions } from './ring/alluxio/multi-probe.js';
export { AlluxioCapacityPlacement } from './ring/alluxio/capacity.js';
export { crc32c } from './hash/crc32c.js';
export { sha256, sha256Hex } from './hash/sha256.js';
export { isPrime, nearestPrimes } from './ring/primes.js';
export type { LocateOptions, TableView } from './ring/placement.js';

// Membership of a running cluster: etcd's layout, an etcdctl export, the dynamic and static rings.
export {
  type Member,
  type MemberState,
  type Membership,
  type RingMode,
  RING_MODES,
  ringMembers,
  ringWorkers,
  requireRingWorkers,
  membershipPlacement,
} from './membership/membership.js';
export { DEFAULT_CLUSTER, registrationPrefix, livenessPrefix, entityAddress, readMembership } from './membership/etcd-membership.js';
export { type EtcdSource, type KeyValue, type RangeOptions, exportSource } from './membership/etcd-source.js';
export { parseEtcdJson } from './membership/etcd-json.js';
export {
  buildInspect,
  type InspectReport,
  type InspectWorker,
  type InspectWhatIf,
  type InspectEffect,
  type InspectOptions,
  type RingBalance,
} from './report/inspect.js';
export { renderInspectText } from './report/inspect-text.js';
export { renderInspectHtml } from './report/inspect-html.js';
export { parseBandwidth, formatBandwidth, formatDuration, type Bandwidth } from './core/bandwidth.js';
export { planAgainst, type AgainstReport, type AgainstOptions, type ManifestChange, type AgainstRing } from './plan/against.js';
export { renderAgainstText } from './report/plan-against-text.js';

// Text renderers of the other commands (report views: plain data with the tables built), and the helpers they share.
export { compareView, renderCompareText, type CompareView } from './report/compare.js';
export { renderLocateText, renderLocateJsonLines, type LocatedKey } from './report/locate.js';
export { cacheSimView, renderCacheSimText, type CacheSimView } from './report/cachesim.js';
export { capacityJSON, capacityRows, renderCapacityText } from './report/capacity.js';
export { simulationView, renderSimulationText, type SimulationView } from './report/simulate.js';
export { renderTable, renderPairs, type TextTable } from './report/table.js';
export { jsonText, plainJSON } from './report/json.js';
export { FieldReader, type Fields } from './core/field-reader.js';
export { grown, grownCapacity, type GrowableArray } from './core/typed-arrays.js';
