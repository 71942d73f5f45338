// The build failed on the spec, named every mistake with file, line and column, and wrote nothing.
def log = new File(basedir, 'build.log').text
[
    "src/main/spec/api.yaml:12:22: unknown type 'strng'; did you mean 'string'?",
    "src/main/spec/api.yaml:13:7: fields 'userId' and 'user_id' of type 'Member' both become 'userId' in Java; set 'javaName' on one",
    "src/main/spec/api.yaml:19:26: unknown type 'Membr'; did you mean 'Member'?",
    "src/main/spec/api.yaml:20:15: path 'v1/members/remove' must start with '/'",
].each {
    assert log.contains("[ERROR] $it") : "build.log does not report: $it"
}
assert log.contains('The spec has 4 problems:')
assert !new File(basedir, 'target/generated-sources/apispec').exists()
assert !new File(basedir, 'target/classes/dev/example/broken/Uses.class').exists()
return true
