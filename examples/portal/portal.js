// The example portal's script: the two ways a portal uses the Approval Risk Explainer.
//
// 1. The page in an iframe (`?embed=1&origins=<this portal's origin>`): send the plan with
//    postMessage, get the assessment back, and let the frame show the approver why, sizing the
//    frame to the height it announces.
// 2. The engine as an ES module, with no UI: `assess(plan, options)` returns the same
//    assessment object, for a portal that draws its own.
//
// The protocol is in docs/embedding.md. Everything stays in the browser: the frame answers
// only this page, and the module runs here.

import { assess, ready } from './engine/approval-risk.js';

// Where the explainer is served. `cargo xtask serve` serves it at http://127.0.0.1:8080/; the
// example takes another address from `?explainer=` (the tests use that). A real portal names
// its own deployment here.
const EXPLAINER = new URL(
  new URLSearchParams(window.location.search).get('explainer') ?? 'http://127.0.0.1:8080/',
);

const frame = document.getElementById('explainer');
const plan = document.getElementById('plan');
const target = document.getElementById('target');
const frameVerdict = document.getElementById('frame-verdict');
const moduleVerdict = document.getElementById('module-verdict');
const approval = document.getElementById('approval');
const log = document.getElementById('log');

// The frame's address carries this portal's origin as the only one it will answer.
const address = new URL(EXPLAINER);
address.searchParams.set('embed', '1');
address.searchParams.set('origins', window.location.origin);
frame.src = address.href;

let frameReady = false;
let sent = 0;
// Only the latest request's answer counts: an approver who edits the plan twice quickly must
// not see the first plan's verdict last.
let latest = null;

function options() {
  return { context: { target: target.value } };
}

function sendPlan() {
  if (!frameReady) return;
  sent += 1;
  latest = `cr-2291-${sent}`;
  frameVerdict.textContent = 'assessing…';
  frameVerdict.dataset.verdict = '';
  // To the explainer's origin only: the plan goes nowhere else.
  frame.contentWindow.postMessage(
    { type: 'approval-risk:assess', id: latest, plan: plan.value, ...options() },
    EXPLAINER.origin,
  );
}

function showDecision(output, assessment) {
  const steps = assessment.steps.length;
  output.dataset.verdict = assessment.verdict;
  output.textContent = `${assessment.verdict} (${steps} ${steps === 1 ? 'step' : 'steps'})`;
}

function record(data) {
  const item = document.createElement('li');
  const { assessment, ...rest } = data ?? {};
  item.textContent = JSON.stringify(
    assessment ? { ...rest, assessment: `{verdict: "${assessment.verdict}", …}` } : data,
  );
  log.append(item);
}

window.addEventListener('message', (event) => {
  // Trust only the explainer's frame, as it trusts only us.
  if (event.origin !== EXPLAINER.origin || event.source !== frame.contentWindow) return;
  const data = event.data;
  record(data);
  switch (data?.type) {
    case 'approval-risk:ready':
      frameReady = true;
      sendPlan();
      break;
    case 'approval-risk:height':
      frame.style.height = `${data.height}px`;
      break;
    case 'approval-risk:result':
      if (data.id !== latest) return;
      showDecision(frameVerdict, data.assessment);
      approval.textContent = ['escalate', 'block'].includes(data.assessment.verdict)
        ? 'This plan needs a second approver before it runs.'
        : 'You may approve this plan.';
      break;
    case 'approval-risk:error':
      if (data.id === latest) frameVerdict.textContent = `error: ${data.reason}`;
      break;
    default:
      break;
  }
});

document.getElementById('send').addEventListener('click', sendPlan);
target.addEventListener('change', sendPlan);

document.getElementById('run-module').addEventListener('click', async () => {
  moduleVerdict.textContent = 'loading the engine…';
  try {
    await ready();
    showDecision(moduleVerdict, assess(plan.value, options()));
  } catch (error) {
    moduleVerdict.textContent = `error: ${error.message}`;
  }
});
