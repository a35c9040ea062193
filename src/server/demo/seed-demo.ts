import type { Logger } from 'pino';
import { checkCharacter, type AccountsService, type AddressService, type VerificationService } from '../modules/accounts';
import { demoPassword, demoPeople } from './demo-world';

export interface DemoSeedDeps {
  accounts: AccountsService;
  verification: VerificationService;
  addresses: AddressService;
  log: Logger;
}

/**
 * Builds the demo world through the same services a person would use, so the demo cannot
 * hold data the rules forbid. Idempotent: people who already exist are left alone.
 */
export async function seedDemoWorld(deps: DemoSeedDeps): Promise<{ created: number }> {
  const { accounts, verification, addresses, log } = deps;
  const adminPhone = demoPeople.find((p) => p.roles.includes('admin'))!.phone;
  let created = 0;
  for (const person of demoPeople) {
    if (await accounts.findUserIdByPhone(person.phone)) continue;
    const userId = await accounts.createUser({
      phone: person.phone,
      password: demoPassword,
      displayName: person.displayName,
      roles: person.roles,
      isDemo: true,
    });
    created++;
    const adminId = (await accounts.findUserIdByPhone(adminPhone))!;
    for (const v of person.verifications ?? []) {
      const roles = await accounts.getRoles(userId);
      const application = await verification.apply(
        { userId, roles },
        {
          role: v.role,
          organizationName: v.organizationName,
          legalName: v.legalName,
          idNumber: v.idBase + checkCharacter(v.idBase),
          ...(v.businessLicenceNo ? { businessLicenceNo: v.businessLicenceNo } : {}),
        },
      );
      if (!v.pending) await verification.review(adminId, application.id, { decision: 'approve' });
    }
    for (const address of person.addresses ?? []) await addresses.create(userId, address);
  }
  if (created > 0) log.info({ created }, 'demo world seeded');
  return { created };
}
