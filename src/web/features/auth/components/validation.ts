import type { TFunction } from 'i18next';

// Mirrors the contract so most mistakes are caught before a round trip on a slow rural network;
// the server stays the authority and its field errors are mapped back onto the same inputs.
export const phonePattern = /^1[3-9][0-9]{9}$/;
export const passwordPattern = /^(?=.*[A-Za-z])(?=.*[0-9]).{8,128}$/;

export function phoneRules(t: TFunction) {
  return [
    { required: true, message: t('auth.validation.phoneRequired') },
    { pattern: phonePattern, message: t('auth.validation.phoneInvalid') },
  ];
}
