import { ConflictError, DomainError, NotFoundError, RateLimitedError } from '../../infra/errors';

export class PhoneTakenError extends ConflictError {
  constructor() {
    super('PHONE_TAKEN');
  }
}
export class InvalidCredentialsError extends DomainError {
  constructor() {
    super('INVALID_CREDENTIALS', 401);
  }
}
export class LoginRateLimitedError extends RateLimitedError {
  constructor(retryAfterSeconds: number) {
    super('LOGIN_RATE_LIMITED', retryAfterSeconds);
  }
}
export class DemoAccountDisabledError extends DomainError {
  constructor() {
    super('DEMO_ACCOUNT_DISABLED', 403);
  }
}
export class WeakPasswordError extends DomainError {
  constructor() {
    super('WEAK_PASSWORD', 400, {}, [{ path: '/password', message: 'weak' }]);
  }
}
export class InvalidIdNumberError extends DomainError {
  constructor() {
    super('INVALID_ID_NUMBER', 400, {}, [{ path: '/idNumber', message: 'invalid' }]);
  }
}
export class VerificationPendingError extends ConflictError {
  constructor() {
    super('VERIFICATION_PENDING');
  }
}
export class AlreadyVerifiedError extends ConflictError {
  constructor() {
    super('ALREADY_VERIFIED');
  }
}
export class VerificationNotPendingError extends ConflictError {
  constructor() {
    super('VERIFICATION_NOT_PENDING');
  }
}
export class SellerNotVerifiedError extends DomainError {
  constructor() {
    super('SELLER_NOT_VERIFIED', 403);
  }
}
export class UserNotFoundError extends NotFoundError {
  constructor() {
    super('USER_NOT_FOUND');
  }
}
export class AddressNotFoundError extends NotFoundError {
  constructor() {
    super('ADDRESS_NOT_FOUND');
  }
}
export class AddressLimitError extends ConflictError {
  constructor(max: number) {
    super('ADDRESS_LIMIT', { max });
  }
}
export class CoopInviteeNotSellerError extends DomainError {
  constructor() {
    super('COOP_INVITEE_NOT_SELLER', 422, {}, [{ path: '/phone', message: 'not a verified seller' }]);
  }
}
export class CoopCannotInviteSelfError extends DomainError {
  constructor() {
    super('COOP_CANNOT_INVITE_SELF', 422, {}, [{ path: '/phone', message: 'self' }]);
  }
}
export class CoopAlreadyInvitedError extends ConflictError {
  constructor() {
    super('COOP_ALREADY_INVITED');
  }
}
export class CoopInvitationNotFoundError extends NotFoundError {
  constructor() {
    super('COOP_INVITATION_NOT_FOUND');
  }
}
export class CoopMemberNotFoundError extends NotFoundError {
  constructor() {
    super('COOP_MEMBER_NOT_FOUND');
  }
}
/** A seller is active in one co-op at a time: two co-ops must never both manage the same products. */
export class CoopAlreadyMemberError extends ConflictError {
  constructor(coopName: string) {
    super('COOP_ALREADY_MEMBER', { coopName });
  }
}
