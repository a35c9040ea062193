export { createFileService, type FileService } from './file.service';
export { filesRoutes } from './files.routes';
