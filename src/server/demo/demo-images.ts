import sharp from 'sharp';

/**
 * Demo product photos drawn as SVG and encoded to JPEG at start, so the repository carries no
 * binary images and the pictures go through the same upload path a farmer's photo does. No text
 * is drawn: a laptop may have no CJK font.
 */
export type DemoMotif = 'green_tea' | 'black_tea' | 'gardenia' | 'gardenia_fruit' | 'mandarin' | 'chicken';

const hills = (far: string, near: string) =>
  `<path d="M0 300 C120 220 220 250 320 200 C420 150 520 210 640 180 L640 480 L0 480Z" fill="${far}"/>` +
  `<path d="M0 380 C160 320 300 360 420 320 C520 290 580 320 640 300 L640 480 L0 480Z" fill="${near}"/>`;

const leaf = (x: number, y: number, angle: number, color: string) =>
  `<ellipse cx="${x}" cy="${y}" rx="46" ry="18" fill="${color}" transform="rotate(${angle} ${x} ${y})"/>` +
  `<line x1="${x - 40}" y1="${y}" x2="${x + 40}" y2="${y}" stroke="#ffffff55" stroke-width="2" transform="rotate(${angle} ${x} ${y})"/>`;

const flower = (x: number, y: number, r: number) =>
  [0, 60, 120, 180, 240, 300]
    .map((a) => `<ellipse cx="${x}" cy="${y - r}" rx="${r * 0.55}" ry="${r}" fill="#fffdf4" stroke="#e8e2c8" transform="rotate(${a} ${x} ${y})"/>`)
    .join('') + `<circle cx="${x}" cy="${y}" r="${r * 0.35}" fill="#f3d36b"/>`;

const fruit = (x: number, y: number, r: number, color: string) =>
  `<circle cx="${x}" cy="${y}" r="${r}" fill="${color}"/><circle cx="${x - r * 0.35}" cy="${y - r * 0.35}" r="${r * 0.22}" fill="#ffffff55"/>` +
  `<ellipse cx="${x + 6}" cy="${y - r - 4}" rx="14" ry="6" fill="#3f7d2c" transform="rotate(-25 ${x} ${y})"/>`;

const scenes: Record<DemoMotif, () => string> = {
  green_tea: () =>
    `<rect width="640" height="480" fill="#dff0d8"/>${hills('#8fc27a', '#5f9d4a')}` +
    leaf(250, 200, -30, '#4c8c34') + leaf(330, 170, 20, '#5da043') + leaf(400, 230, -10, '#3f7d2c') + leaf(300, 260, 35, '#6bb04e'),
  black_tea: () =>
    `<rect width="640" height="480" fill="#f4e6d4"/><ellipse cx="320" cy="330" rx="170" ry="60" fill="#ffffff"/>` +
    `<ellipse cx="320" cy="318" rx="140" ry="40" fill="#9a4a1f"/>` + leaf(150, 400, -15, '#6b3a1d') + leaf(500, 410, 20, '#7c4522') + leaf(540, 360, -35, '#5a3a1a'),
  gardenia: () =>
    `<rect width="640" height="480" fill="#e4f1e0"/>${hills('#b5d6a7', '#7fb069')}` +
    leaf(200, 300, -40, '#3f7d2c') + leaf(450, 320, 30, '#3f7d2c') + flower(250, 220, 50) + flower(400, 240, 42) + flower(320, 330, 36),
  gardenia_fruit: () =>
    `<rect width="640" height="480" fill="#fbefe2"/>` +
    [[220, 230], [320, 200], [420, 240], [270, 320], [380, 320]].map(([x, y]) => fruit(x!, y!, 44, '#e2682a')).join(''),
  mandarin: () =>
    `<rect width="640" height="480" fill="#fff4de"/>${hills('#cfe3b0', '#9cc46f')}` +
    [[200, 250], [300, 220], [410, 250], [250, 330], [360, 330]].map(([x, y]) => fruit(x!, y!, 52, '#f59b1c')).join(''),
  chicken: () =>
    `<rect width="640" height="480" fill="#e9f3dc"/>${hills('#b9d89c', '#86b85d')}` +
    `<ellipse cx="320" cy="270" rx="110" ry="80" fill="#c8722e"/><circle cx="410" cy="200" r="45" fill="#d9853a"/>` +
    `<path d="M400 160 q10 -30 20 0 q10 -30 20 0z" fill="#d62d20"/><path d="M452 200 l28 8 l-28 8z" fill="#f2b705"/>` +
    `<circle cx="420" cy="192" r="6" fill="#222"/><path d="M210 250 q-60 -60 -20 -110 q30 60 60 70z" fill="#5a3a1a"/>`,
};

export async function demoPhoto(motif: DemoMotif): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480" viewBox="0 0 640 480">${scenes[motif]()}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}
