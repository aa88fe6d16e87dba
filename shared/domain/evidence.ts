/** Evidence attached to a manual "done" mark: a photo or a PDF, at most 5 MB, checked by its content. */
export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;

export const EVIDENCE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

export type EvidenceCheck = { ok: true; mime: EvidenceType } | { ok: false; reason: 'empty' | 'too_large' | 'wrong_type'; message: string };

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);

/** What the file's first bytes say it is (the name and the browser's type can lie). */
export function sniffEvidenceType(bytes: Uint8Array): EvidenceType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return null;
}

export function checkEvidenceFile(fileName: string, bytes: Uint8Array): EvidenceCheck {
  if (bytes.length === 0) return { ok: false, reason: 'empty', message: `"${fileName}" is empty. Choose the photo or PDF again.` };
  if (bytes.length > EVIDENCE_MAX_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    return { ok: false, reason: 'too_large', message: `"${fileName}" is ${mb} MB; the limit is 5 MB. Attach a smaller photo or a shorter PDF.` };
  }
  const mime = sniffEvidenceType(bytes);
  if (!mime) return { ok: false, reason: 'wrong_type', message: `"${fileName}" is not a photo (JPEG, PNG, WebP) or a PDF. Attach one of those.` };
  return { ok: true, mime };
}
