import { loadPlaybook } from '../domain/playbook/load-playbook.ts';
import type { Playbook, PlaybookEntry } from '../domain/playbook/playbook-schema.ts';
import type { ChurnReason } from '../generated/prisma/enums.ts';

const loaded = new Map<string, Playbook>();

/** The playbook at `file`, read and checked once per process; the offer listeners read it at start. */
export function loadOfferPlaybook(file: string): Playbook {
  let playbook = loaded.get(file);
  if (!playbook) {
    playbook = loadPlaybook(file);
    loaded.set(file, playbook);
  }
  return playbook;
}

/** The play for an account's churn reason; an account with none yet gets the play for "other". */
export function playFor(playbook: Playbook, reason: ChurnReason | null): { reason: ChurnReason; entry: PlaybookEntry } {
  const chosen = reason ?? 'other';
  return { reason: chosen, entry: playbook.reasons[chosen] };
}
