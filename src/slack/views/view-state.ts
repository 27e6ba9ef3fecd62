import { z } from 'zod';

// One input element's state as Slack sends it in view.state.values, for the element types winback uses.
const elementState = z.object({
  value: z.string().nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
  selected_options: z.array(z.object({ value: z.string() })).nullish(),
});

export const viewStateSchema = z.object({
  state: z.object({ values: z.record(z.string(), z.record(z.string(), elementState)) }),
  private_metadata: z.string().default(''),
});

/**
 * What each input holds, keyed by its block_id: a text's value, a select's or radio's chosen value,
 * checkboxes' chosen values as a list; an empty input is absent. The block_id is the field's name.
 */
export function readViewValues(view: unknown): Record<string, string | string[]> {
  const { state } = viewStateSchema.parse(view);
  const values: Record<string, string | string[]> = {};
  for (const [blockId, actions] of Object.entries(state.values)) {
    const element = Object.values(actions)[0];
    if (!element) continue;
    const value = element.selected_options
      ? element.selected_options.map((option) => option.value)
      : (element.selected_option?.value ?? element.value ?? undefined);
    if (value !== undefined && value !== '') values[blockId] = value;
  }
  return values;
}

/** Slack's `response_action: errors` body from a failed parse: the first problem of each field, by block_id. */
export function viewErrors(error: z.ZodError): Record<string, string> {
  const { fieldErrors } = z.flattenError(error as z.ZodError<Record<string, unknown>>);
  const errors: Record<string, string> = {};
  for (const [field, messages] of Object.entries(fieldErrors) as [string, string[] | undefined][]) {
    if (messages?.[0]) errors[field] = messages[0];
  }
  return errors;
}
