export {
  certificateKinds,
  claimKinds,
  defaultClaimRuleSet,
  type CertificateKind,
  type ClaimKind,
  type ClaimRule,
  type ClaimRuleSet,
  type LocalizedText,
} from './claim-rules';
export {
  checkClaims,
  compileClaimRules,
  InvalidClaimRuleSetError,
  maskClaims,
  suggestRewrite,
  validateClaimRuleSet,
  type CheckClaimsOptions,
  type ClaimViolation,
  type CompiledClaimRules,
} from './claims-checker';
