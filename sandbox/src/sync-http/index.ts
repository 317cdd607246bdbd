export {
  syncHttpRequest,
  closeSyncHttp,
  SyncHttpError,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_TIMEOUT_MS,
  type SyncHttpRequest,
  type SyncHttpResponse,
  type SyncHttpFailureKind,
} from './sync-request';
export { NodeSyncTransport, type NodeSyncTransportOptions } from './node-sync-transport';
