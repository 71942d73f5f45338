// The client of a spec with parameters, hosts, envelopes, codes, text and bytes was generated, compiled
// with -Xlint:all -Werror, exported to OpenAPI, and the project's tests called it over loopback.
def generated = new File(basedir, 'target/generated-sources/apispec/dev/example/shapes')
['ShapesClient.java', 'UserApi.java', 'GroupApi.java', 'MiscApi.java', 'WebUserApi.java',
 'model/Session.java', 'model/FormReport.java', 'model/MemberState.java'].each {
    assert new File(generated, it).isFile() : "missing generated file $it"
}
def openapi = new File(basedir, 'target/openapi/openapi.json').text
assert openapi.contains('"/v1/user/{userId}/profile"')
assert openapi.contains('"in" : "query"')
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 3, Failures: 0, Errors: 0, Skipped: 0')
return true
