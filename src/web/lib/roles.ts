import type { Role, VerifiableRole } from '../../contracts/accounts';

/** The order decides which home a person with several roles lands on after login. */
const homeOrder: ReadonlyArray<{ role: Role; path: string }> = [
  { role: 'admin', path: '/admin' },
  { role: 'regulator', path: '/regulator' },
  { role: 'seller', path: '/seller' },
  { role: 'coop', path: '/coop' },
  { role: 'mcn', path: '/mcn' },
];

export const consoleRoles = ['seller', 'coop', 'mcn', 'admin', 'regulator'] as const satisfies readonly Role[];
export type ConsoleRole = (typeof consoleRoles)[number];

export const verifiableRoleList = ['seller', 'coop', 'mcn'] as const satisfies readonly VerifiableRole[];

export function isVerifiableRole(value: unknown): value is VerifiableRole {
  return typeof value === 'string' && (verifiableRoleList as readonly string[]).includes(value);
}

export function homePathFor(roles: readonly Role[]): string {
  return homeOrder.find((entry) => roles.includes(entry.role))?.path ?? '/';
}

export function consolePath(role: ConsoleRole): string {
  return `/${role}`;
}

/** Only same-site paths are followed after login, so `?next=` cannot send anyone elsewhere. */
export function safeNextPath(next: string | null | undefined): string | undefined {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return undefined;
  if (next.startsWith('/login') || next.startsWith('/register')) return undefined;
  return next;
}

/** Everyone is a buyer, so the buyer badge only says something when it is the only role. */
export function visibleRoles(roles: readonly Role[]): Role[] {
  const others = roles.filter((role) => role !== 'buyer');
  return others.length > 0 ? others : [...roles];
}
