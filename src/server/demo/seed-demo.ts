import type { Logger } from 'pino';
import {
  checkCharacter,
  type AccountsService,
  type AddressService,
  type CoopService,
  type VerificationService,
} from '../modules/accounts';
import { DomainError } from '../infra/errors';
import { demoPassword, demoPeople } from './demo-world';

export interface DemoSeedDeps {
  accounts: AccountsService;
  verification: VerificationService;
  addresses: AddressService;
  coops: CoopService;
  log: Logger;
}

/**
 * Builds the demo world through the same services a person would use, so the demo cannot
 * hold data the rules forbid. Idempotent: people who already exist are left alone.
 */
export async function seedDemoWorld(deps: DemoSeedDeps): Promise<{ created: number }> {
  const { accounts, verification, addresses, coops, log } = deps;
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
  // Memberships are checked on every start rather than only for new people, so a demo database
  // seeded before co-ops existed gets them too. A visitor may have moved the member to another
  // co-op meanwhile; that is their demo, so it is logged and left alone rather than failing the boot.
  for (const person of demoPeople) {
    if (!person.coopMemberOf) continue;
    const memberId = await accounts.findUserIdByPhone(person.phone);
    const coopId = await accounts.findUserIdByPhone(person.coopMemberOf);
    if (!memberId || !coopId || (await coops.manages(coopId, memberId))) continue;
    try {
      if (!(await coops.mine(memberId)).invitations.some((i) => i.coopId === coopId)) await coops.invite(coopId, person.phone);
      await coops.accept(memberId, coopId);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      log.warn({ code: err.code, member: person.phone }, 'demo co-op membership not seeded');
    }
  }
  if (created > 0) log.info({ created }, 'demo world seeded');
  return { created };
}
