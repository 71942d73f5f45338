// The goal reported every change, wrote both reports, and failed on the one wire change nobody accepted.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] src/main/spec/api.yaml:11:7: [wire] Note.text travels as "body" instead of "text"')
assert log.contains('(field-wire-name-changed:Note.text)')
assert log.contains('[INFO] src/compat/baseline/api.yaml:22:9: [wire, source] POST /v1/note/delete')
assert log.contains('Accepted: Notes are archived now, never deleted.')
assert log.contains('1 change(s) since the baseline src/compat/baseline of a kind in failOn (wire,source) are not accepted')

def md = new File(basedir, 'target/apispec-compat/compat.md').text
assert md.startsWith('## API changes since the baseline src/compat/baseline')
assert md.contains('### Breaking changes')
assert md.contains('### Accepted breaking changes')
assert md.contains('`endpoint-added:POST /v1/note/archive`')

def json = new JsonSlurper().parse(new File(basedir, 'target/apispec-compat/compat.json'))
assert json.failed == true
assert json.counts == [wire: 2, source: 1, safe: 1]
def byId = json.changes.collectEntries { [(it.id): it] }
assert byId['field-wire-name-changed:Note.text'].fails == true
assert byId['endpoint-removed:POST /v1/note/delete'].accepted == 'Notes are archived now, never deleted.'
assert byId['endpoint-removed:POST /v1/note/delete'].fails == false
assert byId['endpoint-added:POST /v1/note/archive'].kinds == ['safe']

// a failed check keeps no state, so the next build checks again rather than passing as up to date
assert !new File(basedir, 'target/apispec-state/compat.state').exists()
return true
