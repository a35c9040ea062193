export const livesPath = '/seller/lives';

export function liveEditorPath(liveId?: string): string {
  return liveId ? `/seller/lives/${encodeURIComponent(liveId)}/edit` : '/seller/lives/new';
}

/** The room console of a live on air or coming up: chat, pin, notice, moderation. */
export function liveConsolePath(liveId: string): string {
  return `/seller/lives/${encodeURIComponent(liveId)}/console`;
}

/** The buyer's page for a live; with a recording, that replay plays first. */
export function viewerPath(liveId: string, recordingId?: string): string {
  const base = `/lives/${encodeURIComponent(liveId)}`;
  return recordingId ? `${base}?recording=${encodeURIComponent(recordingId)}` : base;
}
