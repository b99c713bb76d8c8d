// The JSON Schemas in docs/schema/, compiled once with Ajv (draft 2020-12) for the tests that
// hold real outputs against them (schema.spec.js). Strict mode is on, so a schema that says
// something Ajv would silently ignore (a misspelt keyword, a tuple without bounds) fails here
// instead of checking less than it seems to; union types (`["string", "number"]`) are plain
// JSON Schema and allowed.
// @ts-check
const Ajv2020 = require('ajv/dist/2020').default;
const fs = require('node:fs');
const path = require('node:path');

const SCHEMAS = path.resolve(__dirname, '..', '..', 'docs', 'schema');
const read = (name) => JSON.parse(fs.readFileSync(path.join(SCHEMAS, name), 'utf8'));

const assessmentSchema = read('approval-risk-v1.schema.json');
const messagesSchema = read('messages-v1.schema.json');

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
ajv.addSchema(assessmentSchema);
ajv.addSchema(messagesSchema);

/** A validator for the schema at `ref`, returning the errors as lines (empty when valid), so
 * a failing expectation prints where the output broke the contract. */
function validator(ref) {
  const validate = ajv.getSchema(ref);
  if (!validate) throw new Error(`no schema at ${ref}`);
  return (value) =>
    validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}

module.exports = {
  /** An `approval-risk/v1` assessment. */
  assessmentErrors: validator(assessmentSchema.$id),
  /** Any message of the protocol, in either direction. */
  messageErrors: validator(messagesSchema.$id),
  /** A message the frame sends. */
  fromFrameErrors: validator(`${messagesSchema.$id}#/$defs/fromFrame`),
  /** A portal's `approval-risk:assess` request. */
  requestErrors: validator(`${messagesSchema.$id}#/$defs/assess`),
};
