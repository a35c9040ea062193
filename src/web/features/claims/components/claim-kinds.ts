import type { ClaimViolationView } from '../../../../contracts/compliance';

export type ClaimKind = ClaimViolationView['kind'];

export const claimKinds: readonly ClaimKind[] = ['absolute', 'medical', 'certified'];
