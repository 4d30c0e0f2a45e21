/**
 * One workflow step's options in the editor. Every control has a visible label; read-only for presets.
 */
import type { BenchApi } from '../../preload/contract';
import type { WorkflowStep } from '../../preload/jobs-domain';
import { NamePreview } from './name-preview';

export interface StepFieldsProps {
  readonly api: BenchApi;
  readonly step: WorkflowStep;
  readonly idPrefix: string;
  readonly readOnly: boolean;
  readonly onChange: (step: WorkflowStep) => void;
}

function list(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

export function StepFields({ api, step, idPrefix, readOnly, onChange }: StepFieldsProps) {
  switch (step.kind) {
    case 'erase':
      return (
        <label className="check-field">
          <input
            type="checkbox"
            disabled={readOnly}
            checked={step.allowOtherOrganization}
            onChange={(e) => onChange({ ...step, allowOtherOrganization: e.target.checked })}
          />
          Also erase devices supervised by another organization
        </label>
      );
    case 'prepare':
      return (
        <div className="step-options">
          <label>
            Language
            <input
              disabled={readOnly}
              value={step.language}
              onChange={(e) => onChange({ ...step, language: e.target.value })}
            />
          </label>
          <label>
            Locale
            <input
              disabled={readOnly}
              value={step.locale}
              onChange={(e) => onChange({ ...step, locale: e.target.value })}
            />
          </label>
          <label className="check-field">
            <input
              type="checkbox"
              disabled={readOnly}
              checked={step.skipPanes === 'all'}
              onChange={(e) => onChange({ ...step, skipPanes: e.target.checked ? 'all' : [] })}
            />
            Skip every Setup Assistant pane
          </label>
          {step.skipPanes !== 'all' && (
            <label>
              Panes to skip (comma-separated)
              <input
                disabled={readOnly}
                value={step.skipPanes.join(', ')}
                onChange={(e) => onChange({ ...step, skipPanes: list(e.target.value) })}
              />
            </label>
          )}
          <label className="check-field">
            <input
              type="checkbox"
              disabled={readOnly}
              checked={step.allowPairing}
              onChange={(e) => onChange({ ...step, allowPairing: e.target.checked })}
            />
            Allow other computers to pair afterwards
          </label>
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
              aria-describedby={previewId}
              onChange={(e) => onChange({ ...step, template: e.target.value })}
            />
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
            onChange={(e) => onChange({ ...step, files: list(e.target.value) })}
          />
        </label>
      );
    case 'prepare-ade':
      return (
        <div className="step-options">
          <label>
            Language
            <input
              disabled={readOnly}
              value={step.language}
              onChange={(e) => onChange({ ...step, language: e.target.value })}
            />
          </label>
          <label>
            Locale
            <input
              disabled={readOnly}
              value={step.locale}
              onChange={(e) => onChange({ ...step, locale: e.target.value })}
            />
          </label>
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
