import type { AddressView, VerifiableRole, VerificationStatus, VerificationView } from '../../../contracts/accounts';
import type { addresses, verifications } from './accounts.tables';

export function toVerificationView(row: typeof verifications.$inferSelect): VerificationView {
  return {
    id: row.id,
    userId: row.userId,
    role: row.role as VerifiableRole,
    organizationName: row.organizationName,
    legalName: row.legalName,
    idNumberLast4: row.idNumberLast4,
    businessLicenceNo: row.businessLicenceNo,
    status: row.status as VerificationStatus,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
  };
}

export function toAddressView(row: typeof addresses.$inferSelect): AddressView {
  return {
    id: row.id,
    receiverName: row.receiverName,
    receiverPhone: row.receiverPhone,
    province: row.province,
    city: row.city,
    county: row.county,
    township: row.township,
    village: row.village,
    detail: row.detail,
    isDefault: row.isDefault,
    createdAt: row.createdAt.toISOString(),
  };
}
