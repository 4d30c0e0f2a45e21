/**
 * One workflow step's options in the editor. Every control has a visible label; read-only for presets.
 */
import type { BenchApi } from '../../preload/contract';
import type { SkipPaneCatalogue, WorkflowStep } from '../../preload/jobs-domain';
import { NamePreview } from './name-preview';
import { SkipPaneChecklist } from './skip-pane-checklist';

export interface StepFieldsProps {
  readonly api: BenchApi;
  readonly step: WorkflowStep;
  readonly idPrefix: string;
  readonly readOnly: boolean;
  readonly onChange: (step: WorkflowStep) => void;
  /** The panes the cfgutil in use can skip (undefined while it is read). */
  readonly skipPanes?: SkipPaneCatalogue;
  /** The sentence for one of this step's options (`language`, `skipPanes`…), when main refused it. */
  readonly errorFor?: (option: string) => string | undefined;
}

/** aria-invalid and aria-describedby for a control whose refusal is shown under it with id `errorId`. */
function invalidProps(error: string | undefined, errorId: string, describedBy?: string) {
  const ids = [describedBy, error ? errorId : undefined].filter(Boolean).join(' ');
  return {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': ids === '' ? undefined : ids,
  } as const;
}

function FieldError({ error, id }: { readonly error: string | undefined; readonly id: string }) {
  return error ? (
    <span className="field-error" id={id}>
      {error}
    </span>
  ) : null;
}

function list(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

export function StepFields(props: StepFieldsProps) {
  const { api, step, idPrefix, readOnly, onChange } = props;
  const error = (option: string) => props.errorFor?.(option);
  const errorId = (option: string) => `${idPrefix}-${option}-error`;
  const invalid = (option: string, describedBy?: string) =>
    invalidProps(error(option), errorId(option), describedBy);
  // A labelled text box with its refusal under it (prepare and prepare-ade both ask for language and locale).
  const textField = (label: string, option: string, value: string, set: (value: string) => void) => (
    <label>
      {label}
      <input disabled={readOnly} value={value} {...invalid(option)} onChange={(e) => set(e.target.value)} />
      <FieldError error={error(option)} id={errorId(option)} />
    </label>
  );
  switch (step.kind) {
    case 'erase':
      return (
        <div className="step-options">
          <label className="check-field">
            <input
              type="checkbox"
              disabled={readOnly}
              checked={step.allowOtherOrganization}
              {...invalid('allowOtherOrganization')}
              onChange={(e) => onChange({ ...step, allowOtherOrganization: e.target.checked })}
            />
            Also erase devices supervised by another organization
          </label>
          <FieldError error={error('allowOtherOrganization')} id={errorId('allowOtherOrganization')} />
        </div>
      );
    case 'prepare':
      return (
        <div className="step-options">
          {textField('Language', 'language', step.language, (language) => onChange({ ...step, language }))}
          {textField('Locale', 'locale', step.locale, (locale) => onChange({ ...step, locale }))}
          <label className="check-field">
            <input
              type="checkbox"
              disabled={readOnly}
              checked={step.allowPairing}
              {...invalid('allowPairing')}
              onChange={(e) => onChange({ ...step, allowPairing: e.target.checked })}
            />
            Allow other computers to pair afterwards
          </label>
          <FieldError error={error('allowPairing')} id={errorId('allowPairing')} />
          <SkipPaneChecklist
            catalogue={props.skipPanes}
            value={step.skipPanes}
            readOnly={readOnly}
            {...(error('skipPanes') ? { error: error('skipPanes') } : {})}
            errorId={errorId('skipPanes')}
            onChange={(skipPanes) => onChange({ ...step, skipPanes })}
          />
        </div>
      );
    case 'rename': {
      const previewId = `${idPrefix}-preview`;
      return (
        <div className="step-options">
          <label>
            Name template <span className="hint">{'{serial}, {model}, {n:3}'}</span>
            <input
              disabled={readOnly}
              value={step.template}
              {...invalid('template', previewId)}
              onChange={(e) => onChange({ ...step, template: e.target.value })}
            />
            <FieldError error={error('template')} id={errorId('template')} />
          </label>
          <NamePreview api={api} template={step.template} id={previewId} />
        </div>
      );
    }
    case 'install-extra-profiles':
      return (
        <label>
          Profile files in profiles/extra/ (comma-separated)
          <input
            disabled={readOnly}
            value={step.files.join(', ')}
            {...invalid('files')}
            onChange={(e) => onChange({ ...step, files: list(e.target.value) })}
          />
          <FieldError error={error('files')} id={errorId('files')} />
        </label>
      );
    case 'prepare-ade':
      return (
        <div className="step-options">
          {textField('Language', 'language', step.language, (language) => onChange({ ...step, language }))}
          {textField('Locale', 'locale', step.locale, (locale) => onChange({ ...step, locale }))}
        </div>
      );
    case 'wait-until-settled':
    case 'finish-setup-assistant':
    case 'install-enrollment-profile':
    case 'verify-enrollment':
    case 'shut-down':
    case 'confirm-ade-enrollment':
      return null;
  }
}
