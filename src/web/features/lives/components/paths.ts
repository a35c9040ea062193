export const livesPath = '/seller/lives';

export function liveEditorPath(liveId?: string): string {
  return liveId ? `/seller/lives/${encodeURIComponent(liveId)}/edit` : '/seller/lives/new';
}

/** The buyer's page for a live; with a recording, that replay plays first. */
export function viewerPath(liveId: string, recordingId?: string): string {
  const base = `/lives/${encodeURIComponent(liveId)}`;
  return recordingId ? `${base}?recording=${encodeURIComponent(recordingId)}` : base;
}
