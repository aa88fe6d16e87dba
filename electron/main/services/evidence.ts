import { checkEvidenceFile } from '../../../shared/domain/evidence';
import type { EvidenceFileView } from '../../../shared/ipc/views';
import { evidenceFile, evidenceOfDirective, insertEvidence, type StoredEvidence } from '../db/repositories/evidence';
import { getDirective } from '../db/repositories/meetings';
import { getUnit } from '../db/repositories/orgUnits';
import { newId } from '../sync/writer';
import { AppError } from './AppError';
import { nowIso, requireUser, type ServiceContext } from './context';

const view = (e: StoredEvidence): EvidenceFileView => ({ ...e });

/**
 * Attach a photo or PDF to a unit's row of a manual-mark directive. The content decides the type (not the name),
 * at most 5 MB; the file is kept in this database.
 */
export function attachEvidence(ctx: ServiceContext, input: { directiveId: string; unitId: string; fileName: string; dataBase64: string }): EvidenceFileView {
  const user = requireUser(ctx);
  const d = getDirective(ctx.db, input.directiveId);
  if (!d) throw new AppError('not_found', 'That directive no longer exists. Reload the list.', 'directiveId');
  if (d.doneRule !== 'manual') throw new AppError('conflict', 'This directive is checked from the data; evidence files go with directives marked by hand.');
  const unit = getUnit(ctx.db, input.unitId);
  if (!unit || unit.level !== d.targetLevel || (d.targetUnitIds && !d.targetUnitIds.includes(unit.id))) {
    throw new AppError('invalid_input', 'That unit is not one this directive applies to.', 'unitId');
  }
  const bytes = Buffer.from(input.dataBase64, 'base64');
  const check = checkEvidenceFile(input.fileName, bytes);
  if (!check.ok) throw new AppError('invalid_input', check.message, 'file');
  const e: StoredEvidence = {
    id: newId(),
    directiveId: d.id,
    unitId: unit.id,
    fileName: input.fileName,
    mime: check.mime,
    size: bytes.length,
    authorName: user.name,
    savedAt: nowIso(ctx),
  };
  insertEvidence(ctx.db, e, bytes);
  return view(e);
}

export function listEvidence(ctx: ServiceContext, input: { directiveId: string }): EvidenceFileView[] {
  return evidenceOfDirective(ctx.db, input.directiveId).map(view);
}

/** One file with its content, to open or download. */
export function getEvidence(ctx: ServiceContext, input: { id: string }): EvidenceFileView & { dataBase64: string } {
  const e = evidenceFile(ctx.db, input.id);
  if (!e) throw new AppError('not_found', 'That file is no longer stored on this computer.', 'id');
  const { data, ...meta } = e;
  return { ...view(meta), dataBase64: data.toString('base64') };
}
