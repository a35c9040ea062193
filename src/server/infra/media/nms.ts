import nmsLogger from 'node-media-server/src/core/logger.js';
import Flv from 'node-media-server/src/protocol/flv.js';
import Rtmp from 'node-media-server/src/protocol/rtmp.js';
import RtmpClient from 'node-media-server/src/protocol/rtmp_client.js';

// node-media-server's logger is a module singleton that prints to stdout at "debug"; we log
// ourselves, through pino, so only its errors are left (the protocol code we use emits none).
nmsLogger.level = 'error';

/** node-media-server's protocol classes, used as a library; its server is never started. */
export { Flv, Rtmp, RtmpClient };
export type { default as AVPacket } from 'node-media-server/src/core/avpacket.js';
