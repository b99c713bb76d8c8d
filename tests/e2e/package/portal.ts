// A portal's code against the npm package's types, compiled by package.spec.js with `tsc
// --strict` after installing the packed package. It must compile, and each line marked
// `@ts-expect-error` must be an error (tsc fails on a marker that is not), so the types are
// held in both directions: what a portal writes is accepted, and its likely mistakes are not.

import { assess, ready } from 'approval-risk-engine';
import type { ApprovalRiskMessage, AssessRequest, Assessment, FrameMessage } from 'approval-risk-engine';

export async function verdictOf(plan: string): Promise<string> {
  await ready();
  const assessment: Assessment = assess(plan, { context: { target: 'production', credentials: 'broad' } });
  if (assessment.empty) return 'nothing to assess';
  // The newer fields are optional: older engines did not write them.
  const deciding: number[] = assessment.deciding_steps ?? [];
  const audit = `${assessment.engine?.version ?? 'unknown'}/${assessment.engine?.catalogue ?? 'unknown'}`;
  // @ts-expect-error deciding_steps may be absent, so it cannot be used unchecked.
  assessment.deciding_steps.length;
  // A plan read as a Terraform plan's text says so.
  if (assessment.format === 'terraform-plan') return `${assessment.verdict} (terraform plan)`;
  // @ts-expect-error no such format.
  if (assessment.format === 'yaml') return 'never';
  return `${assessment.verdict}: ${assessment.headline ?? ''} ${deciding.join(',')} ${audit}`;
}

export function request(plan: string): AssessRequest {
  const good: AssessRequest = { type: 'approval-risk:assess', id: 'cr-1', plan, context: { target: 'prod' } };
  // @ts-expect-error a misspelt option is an error, as it is for the frame.
  const misspelt: AssessRequest = { type: 'approval-risk:assess', id: 2, plan, contxt: {} };
  // @ts-expect-error the id is a string or a number.
  const badId: AssessRequest = { type: 'approval-risk:assess', id: {}, plan };
  void misspelt;
  void badId;
  return good;
}

/** Switching on `type` narrows each message to its own fields. */
export function onMessage(message: FrameMessage, frame: HTMLIFrameElement): string {
  switch (message.type) {
    case 'approval-risk:ready':
      return `ready, protocol ${message.version}`;
    case 'approval-risk:height':
      frame.style.height = `${message.height}px`;
      return 'height';
    case 'approval-risk:result':
      return `${message.id}: ${message.assessment.verdict}`;
    case 'approval-risk:changed':
      // @ts-expect-error a change answers no request, so it has no id.
      message.id;
      return `changed: ${message.assessment.verdict}`;
    case 'approval-risk:error':
      // @ts-expect-error an error carries no assessment.
      message.assessment;
      return `error for ${message.id ?? 'no id'}: ${message.reason}`;
  }
}

/** Every message of the protocol, in either direction, is one of the union. */
export function kind(message: ApprovalRiskMessage): string {
  return message.type === 'approval-risk:assess' ? `request ${message.id}` : message.type;
}

// @ts-expect-error a height is a number.
export const wrongHeight: FrameMessage = { type: 'approval-risk:height', version: 1, height: '10px' };
// @ts-expect-error version 1 is the only one this protocol has.
export const wrongVersion: FrameMessage = { type: 'approval-risk:ready', version: 2 };
