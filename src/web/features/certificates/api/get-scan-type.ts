import { useQuery } from '@tanstack/react-query';
import { fileUrl } from '../../../lib/upload-file';

/**
 * A certificate names its scan by id only; whether to draw a thumbnail or a PDF link depends on
 * the stored type, which a HEAD request tells without downloading the file. null: unreadable.
 */
export async function getScanType(fileId: string, signal?: AbortSignal): Promise<string | null> {
  const response = await fetch(fileUrl(fileId), { method: 'HEAD', credentials: 'same-origin', signal });
  if (!response.ok) return null;
  return response.headers.get('content-type');
}

export function useScanType(fileId: string | null | undefined) {
  return useQuery({
    queryKey: ['files', 'content-type', fileId],
    queryFn: ({ signal }) => getScanType(fileId!, signal),
    enabled: Boolean(fileId),
    // A stored file never changes type.
    staleTime: Infinity,
    retry: false,
  });
}
