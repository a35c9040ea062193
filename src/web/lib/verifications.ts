import type { UserView, VerifiableRole, VerificationView } from '../../contracts/accounts';

/** The application that decides what a person sees for a role: the newest one. */
export function latestVerification(user: UserView, role: VerifiableRole): VerificationView | undefined {
  return user.verifications
    .filter((v) => v.role === role)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}
