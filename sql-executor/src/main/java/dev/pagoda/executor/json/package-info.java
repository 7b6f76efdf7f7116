/**
 * SQLite's JSON functions (json1, with the behaviour of SQLite 3.46+; checked against the
 * sqlite-jdbc build the project tests with) as a {@link dev.pagoda.spi.FunctionProvider}:
 * {@link dev.pagoda.executor.json.JsonFunctions}.
 *
 * <p>Documents are parsed into a small tree ({@code JsonNode}) whose element kinds mirror
 * SQLite's JSONB types, so that text renders back exactly as SQLite minifies it (numbers and
 * escapes as written, JSON5 forms made canonical) and json_each/json_tree can report SQLite's
 * JSONB byte offsets as {@code id}. Paths are read step by step while walking, as SQLite does, so
 * which malformed paths are errors and which are merely not found matches SQLite.
 *
 * <p>Deliberate or known differences from SQLite:
 *
 * <ul>
 *   <li>The JSON subtype is kept by object identity ({@code JsonSubtype}), not carried by the
 *       engine; a JSON result copied by the executor (stored, sorted, materialized) loses it, as
 *       in SQLite wherever SQLite itself copies values.
 *   <li>Malformed JSONB (a blob whose first header is plausible but whose contents are not
 *       well-formed): SQLite renders what it can of the payloads and json_error_position()
 *       gives the defect's byte position; here such a blob is "malformed JSON" and its error
 *       position is 1. SQLite also rejects some header-plausible blobs as not JSONB at all by
 *       checks not reproduced here. Well-formed JSONB (as SQLite's jsonb() writes it) reads the
 *       same. The jsonb_* functions are not provided.
 *   <li>id/parent columns of json_each/json_tree over a JSONB blob with non-minimal headers are
 *       computed as if the headers were minimal (as SQLite writes them from text).
 *   <li>A lone UTF-16 surrogate escape (\ud83d without its pair) decodes to U+FFFD, which is what
 *       SQLite's ill-formed UTF-8 reads back as.
 * </ul>
 */
package dev.pagoda.executor.json;
