/**
 * The workflow editor, like Apple Configurator's blueprints: pick a workflow, duplicate it, edit its steps
 * and their options, and save it to the data folder through main (saveWorkflow), which has the last word.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { BenchApi } from '../../preload/contract';
import type { ErrorInfo } from '../../preload/domain';
import type { SkipPaneCatalogue, Workflow, WorkflowStepKind } from '../../preload/jobs-domain';
import { FORM_FIELD } from '../../preload/workflow-fields';
import { useFocusFirstInvalid } from '../ui/focus-first-invalid';
import { stepTitles } from '../bench/job-status';
import { useBench } from '../state/bench-store';
import { StepFields } from './step-fields';
import { checkDraft, duplicateWorkflow, moveStep, newStep, replaceStep, stepKinds } from './workflow-draft';

export interface WorkflowEditorProps {
  readonly api: BenchApi;
  /** Called after a save or delete, so the list is read again even if no event says so. */
  readonly onSaved: () => void;
}

export function WorkflowEditor({ api, onSaved }: WorkflowEditorProps) {
  const list = useBench((s) => s.workflows);
  const inUse = useBench((s) => s.run?.workflowId);
  const workflows = list?.workflows ?? [];
  const [selectedId, setSelectedId] = useState<string>();
  const [draft, setDraft] = useState<Workflow>();
  /** The saved workflow the draft edits; undefined for a new duplicate (whose file name may change). */
  const [originalId, setOriginalId] = useState<string>();
  const [saveError, setSaveError] = useState<ErrorInfo>();
  const [tried, setTried] = useState(false);
  const [addKind, setAddKind] = useState<WorkflowStepKind>('rename');
  const [skipPanes, setSkipPanes] = useState<SkipPaneCatalogue>();
  /** Bumped by each Save that found a problem: the first field in error is then scrolled to and focused. */
  const [showFirstError, setShowFirstError] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    let live = true;
    void api.listSkipPanes().then((result) => {
      if (live && result.ok) setSkipPanes(result.value);
    });
    return () => {
      live = false;
    };
  }, [api]);

  useFocusFirstInvalid(formRef, showFirstError);

  const selected = draft ?? workflows.find((w) => w.id === (selectedId ?? inUse)) ?? workflows[0];
  const editing = draft !== undefined;
  const otherIds = workflows.map((w) => w.id).filter((id) => id !== originalId);
  const problems = draft ? checkDraft(draft, otherIds) : [];
  /** The draft's own check first, then main's refusal when it names this field. */
  const problem = (field: string) =>
    (tried ? problems.find((p) => p.field === field)?.message : undefined) ??
    (saveError?.field === field ? saveError.detail : undefined);
  /** A refusal main gave for no field the editor shows, shown beside Save. */
  const formError =
    saveError && (saveError.field === undefined || saveError.field === FORM_FIELD) ? saveError : undefined;

  const pick = (id: string) => {
    setSelectedId(id);
    setDraft(undefined);
    setSaveError(undefined);
    setTried(false);
  };
  const edit = (workflow: Workflow, original?: string) => {
    setDraft(workflow);
    setOriginalId(original);
    setSaveError(undefined);
    setTried(false);
  };
  const save = async () => {
    if (!draft) return;
    setTried(true);
    if (problems.length > 0) {
      setSaveError(undefined);
      setShowFirstError((n) => n + 1);
      return;
    }
    const result = await api.saveWorkflow({ workflow: draft });
    if (!result.ok) {
      setSaveError(result.error);
      setShowFirstError((n) => n + 1);
      return;
    }
    setSelectedId(result.value.id);
    setDraft(undefined);
    setSaveError(undefined);
    onSaved();
  };
  const remove = async () => {
    if (!selected || selected.preset) return;
    const result = await api.deleteWorkflow({ workflowId: selected.id });
    if (!result.ok) setSaveError(result.error);
    else {
      pick(inUse ?? '');
      onSaved();
    }
  };

  if (!list) return <p className="loading">Loading workflows…</p>;
  const shown = selected;
  return (
    <section className="workflow-editor" aria-labelledby="workflow-editor-title">
      <h2 id="workflow-editor-title">Workflows</h2>
      <nav className="workflow-list" aria-label="Workflows">
        <ul>
          {workflows.map((w) => (
            <li key={w.id}>
              <button
                type="button"
                aria-current={w.id === shown?.id && !editing ? 'true' : undefined}
                onClick={() => pick(w.id)}
              >
                {w.name}
                {w.preset && <span className="tag">preset</span>}
                {w.id === inUse && <span className="tag">in use</span>}
              </button>
            </li>
          ))}
        </ul>
        {list.problems.map((p) => (
          <p key={p.file} className="field-error">
            {p.file}: {p.message}
          </p>
        ))}
      </nav>
      {shown && (
        <form
          ref={formRef}
          className="workflow-form"
          aria-label={editing ? `Editing ${shown.name}` : shown.name}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <div className="workflow-form-actions">
            {!editing && (
              <button
                type="button"
                onClick={() =>
                  edit(
                    duplicateWorkflow(
                      shown,
                      workflows.map((w) => w.id),
                    ),
                  )
                }
              >
                Duplicate
              </button>
            )}
            {!editing && !shown.preset && (
              <button type="button" onClick={() => edit(shown, shown.id)}>
                Edit
              </button>
            )}
            {!editing && !shown.preset && (
              <button type="button" onClick={() => void remove()}>
                Delete
              </button>
            )}
            {editing && <button type="submit">Save</button>}
            {editing && (
              <button type="button" onClick={() => pick(selectedId ?? '')}>
                Discard changes
              </button>
            )}
          </div>
          {formError && (
            <p className="field-error" role="alert" data-form-error tabIndex={-1}>
              <strong>{formError.title}.</strong> {formError.detail}
            </p>
          )}
          {saveError && !formError && (
            <p className="visually-hidden" role="alert">
              {saveError.title}. {saveError.detail}
            </p>
          )}
          {shown.preset && !editing && (
            <p className="hint">A preset cannot be changed: duplicate it to edit.</p>
          )}
          <DraftField
            label="Name"
            error={problem('name')}
            readOnly={!editing}
            value={shown.name}
            onChange={(name) => draft && setDraft({ ...draft, name })}
          />
          <DraftField
            label="File name"
            error={problem('id')}
            readOnly={!editing || originalId !== undefined}
            value={shown.id}
            onChange={(id) => draft && setDraft({ ...draft, id })}
          />
          <DraftField
            label="Description"
            error={problem('description')}
            readOnly={!editing}
            value={shown.description}
            onChange={(description) => draft && setDraft({ ...draft, description })}
          />
          <ol className="workflow-steps" aria-label="Steps">
            {shown.steps.map((step, index) => {
              const stepError = problem(`steps.${index}`);
              const stepErrorId = `step-${index}-error`;
              return (
                <li key={`${index}-${step.kind}`} className="workflow-step">
                  <fieldset
                    aria-invalid={stepError ? true : undefined}
                    aria-describedby={stepError ? stepErrorId : undefined}
                  >
                    <legend>
                      {index + 1}. {stepTitles[step.kind]}
                    </legend>
                    {stepError && (
                      <p className="field-error" id={stepErrorId}>
                        {stepError}
                      </p>
                    )}
                    <StepFields
                      api={api}
                      step={step}
                      idPrefix={`step-${index}`}
                      readOnly={!editing}
                      {...(skipPanes ? { skipPanes } : {})}
                      errorFor={(option) => problem(`steps.${index}.${option}`)}
                      onChange={(next) =>
                        draft && setDraft({ ...draft, steps: replaceStep(draft.steps, index, next) })
                      }
                    />
                    {editing && draft && (
                      <div className="step-buttons">
                        <button
                          type="button"
                          disabled={index === 0}
                          onClick={() => setDraft({ ...draft, steps: moveStep(draft.steps, index, -1) })}
                          aria-label={`Move step ${index + 1} up`}
                        >
                          ↑
                        </button>
                        <button
                          type="button"
                          disabled={index === draft.steps.length - 1}
                          onClick={() => setDraft({ ...draft, steps: moveStep(draft.steps, index, 1) })}
                          aria-label={`Move step ${index + 1} down`}
                        >
                          ↓
                        </button>
                        <button
                          type="button"
                          onClick={() =>
                            setDraft({ ...draft, steps: draft.steps.filter((_, i) => i !== index) })
                          }
                          aria-label={`Remove step ${index + 1}`}
                        >
                          Remove
                        </button>
                      </div>
                    )}
                  </fieldset>
                </li>
              );
            })}
          </ol>
          {problem('steps') && (
            <p className="field-error" id="workflow-steps-error" data-form-error={!editing || undefined}>
              {problem('steps')}
            </p>
          )}
          {editing && draft && (
            <div className="add-step">
              <label>
                New step
                <select
                  value={addKind}
                  aria-invalid={problem('steps') ? true : undefined}
                  aria-describedby={problem('steps') ? 'workflow-steps-error' : undefined}
                  onChange={(e) => setAddKind(e.target.value as WorkflowStepKind)}
                >
                  {stepKinds.map((kind) => (
                    <option key={kind} value={kind}>
                      {stepTitles[kind]}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                onClick={() => setDraft({ ...draft, steps: [...draft.steps, newStep(addKind)] })}
              >
                Add step
              </button>
            </div>
          )}
        </form>
      )}
    </section>
  );
}

function DraftField(props: {
  label: string;
  value: string;
  readOnly: boolean;
  error?: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="draft-field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        value={props.value}
        readOnly={props.readOnly}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.error && (
        <span className="field-error" id={`${id}-error`}>
          {props.error}
        </span>
      )}
    </div>
  );
}
