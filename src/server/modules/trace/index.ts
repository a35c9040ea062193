export { createLotService, type LotEventInput, type LotService } from './lot.service';
export { normalizeLotCode } from './lot-code';
export type { TraceActor, TracePorts } from './trace.ports';
export { tracePageRoutes, traceRoutes } from './trace.routes';
