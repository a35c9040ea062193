export { createCertificateService, type CertificateService } from './certificate.service';
export { createClaimRulesService, type ClaimRulesService } from './claim-rules.service';
export { createClaimsGuard, type ClaimsGuard, type FieldViolation } from './claims-guard';
export { complianceRoutes } from './compliance.routes';
export type { CertificateKind } from './claims';
export { createChatScreen, type ChatScreen } from './chat-screen';
