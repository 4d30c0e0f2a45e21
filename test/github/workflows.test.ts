import { readdir, readFile } from 'node:fs/promises';
import { validateWorkflow } from '@action-validator/core';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const dir = '.github/workflows';
const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f));

interface Step {
  readonly run?: string;
  readonly if?: string;
  readonly env?: Record<string, string>;
}
interface Workflow {
  readonly on: Record<string, unknown>;
  readonly jobs: Record<string, { 'runs-on': string; needs?: string; steps: Step[] }>;
}

describe('GitHub workflows', () => {
  it('there is at least one', () => {
    expect(files).toContain('macos.yml');
  });

  it.each(files)('%s passes action-validator', async (file) => {
    expect(validateWorkflow(await readFile(`${dir}/${file}`, 'utf8')).errors).toEqual([]);
  });

  it('the validator is real: it rejects a job without runs-on and an unknown trigger', () => {
    const broken = 'on: pull_requests\njobs:\n  a:\n    steps:\n      - run: echo\n';
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
  });
});

describe('macos.yml', async () => {
  const workflow = load(await readFile(`${dir}/macos.yml`, 'utf8')) as Workflow;
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  const runs = (pattern: RegExp) => steps.filter((s) => s.run !== undefined && pattern.test(s.run));

  it('runs every job on a macOS runner', () => {
    for (const job of Object.values(workflow.jobs)) expect(job['runs-on']).toMatch(/^macos-/);
  });

  it('tests before it packages', () => {
    expect(runs(/^npm test$/)).toHaveLength(1);
    expect(workflow.jobs.package?.needs).toBe('test');
    expect(workflow.jobs.smoke?.needs).toBe('test');
  });

  it('packages ad hoc signed on pull requests and signed with the API-key notarization on tags', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request', 'push']);
    const unsigned = runs(
      /^npm run dist -- -c\.mac\.identity=- -c\.mac\.hardenedRuntime=false -c\.mac\.notarize=false$/,
    );
    expect(unsigned).toEqual([expect.objectContaining({ if: "github.event_name == 'pull_request'" })]);
    const signed = steps.find((s) => s.run?.includes('npm run dist\n'));
    expect(signed?.if).toBe("startsWith(github.ref, 'refs/tags/v')");
    expect(Object.keys(signed?.env ?? {})).toEqual(
      expect.arrayContaining(['CSC_LINK', 'CSC_KEY_PASSWORD', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER']),
    );
    expect(signed?.run).toMatch(/export APPLE_API_KEY=/);
  });

  it('smoke-tests a packaged app with the inspector fuse on, through the smoke config', () => {
    expect(
      runs(/--dir --arm64 -c\.mac\.identity=- .*-c\.electronFuses\.enableNodeCliInspectArguments=true/),
    ).toHaveLength(1);
    expect(runs(/playwright test --config test\/smoke\/playwright\.config\.ts/)).toHaveLength(1);
  });
});
