/** Query keys of one room's moderation lists; apart from `['lives', 'room']`, the seller's stream room. */
export function roomConsoleKey(roomId: string) {
  return ['lives', 'room-console', roomId] as const;
}
