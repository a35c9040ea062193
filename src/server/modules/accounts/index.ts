export { createAccountsService, type AccountsService, type Actor, type NewUser } from './accounts.service';
export { createVerificationService, type VerificationService } from './verification.service';
export { createAddressService, type AddressService } from './address.service';
export { accountsRoutes } from './accounts.routes';
export { createCoopService, type CoopService } from './coop.service';
export { coopRoutes } from './coop.routes';
export { SellerNotVerifiedError } from './accounts.errors';
export { checkCharacter } from './id-number';
