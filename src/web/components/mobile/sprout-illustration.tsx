/** A seedling instead of the kit's blue magnifier: empty here means "not grown yet". */
export function SproutIllustration() {
  return (
    <svg width="96" height="80" viewBox="0 0 96 80" aria-hidden="true" focusable="false">
      <ellipse cx="48" cy="70" rx="34" ry="6" fill="#e8e2cf" />
      <path d="M48 70 V40" stroke="#5a9a4a" strokeWidth="4" strokeLinecap="round" />
      <path d="M48 46 C36 46 26 38 24 24 C38 24 47 32 48 46 Z" fill="#7cb860" />
      <path d="M48 40 C50 26 60 16 74 16 C73 31 62 40 48 40 Z" fill="#3b8a4c" />
      <circle cx="20" cy="14" r="3" fill="#f2c14e" />
      <circle cx="80" cy="44" r="2" fill="#f2c14e" />
    </svg>
  );
}
