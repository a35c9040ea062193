export {
  createMediaPlane,
  type EndReason,
  type MediaPlane,
  type MediaPlaneHooks,
  type MediaPlaneOptions,
  type PublishRequest,
  type PublishVerdict,
  type RecordingInfo,
} from './media-plane';
export { publishFlv, PublishRefusedError, type PublishFlvOptions } from './rtmp-publisher';
export { readFlvTags, FlvTagParser, describeTag, type FlvRead, type FlvTagInfo, type FlvHeader } from './flv-tags';
export { indexFlv } from './recorder';
export { ffmpegAvailable } from './hls';
