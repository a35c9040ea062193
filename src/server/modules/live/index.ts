export { createBroadcastService, type BroadcastService, type EndReason, type FinishedRecording } from './broadcast.service';
export { createLiveService, type LiveService } from './live.service';
export type { LiveActor, LivePorts, MediaDirectory } from './live.ports';
export { liveRoutes } from './live.routes';
export { createRoomService, type RoomService } from './room.service';
export { srsHookRoutes } from './srs-hooks.routes';
