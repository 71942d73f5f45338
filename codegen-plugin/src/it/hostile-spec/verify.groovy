// The build failed on the spec, not in javac: each hostile part named with file, line and column.
def log = new File(basedir, 'build.log').text
[
    "src/main/spec/api.yaml:2:3: api 'package' 'java.hostile' would put classes in the package 'java.hostile', which belongs to the Java platform's namespace 'java'; choose a package of your own",
    "src/main/spec/api.yaml:11:10: the string holds an unpaired surrogate (U+D800, at character 14), which is not a Unicode character and cannot be written as UTF-8; write the character it stands for",
    "src/main/spec/api.yaml:13:7: field 'java' of type 'Objects' would become the record component 'java', which would hide the package 'java' that the generated code names; set 'javaName'",
    "src/main/spec/api.yaml:14:20: the YAML tag '!foo' is not supported in a spec; remove it (quote a value to make it a string)",
    "src/main/spec/api.yaml:19:15: path '/v1/members/../list' has the segment '..', which HTTP clients and servers resolve away; write the path it stands for",
].each {
    assert log.contains("[ERROR] $it") : "build.log does not report: $it"
}
assert log.contains('The spec has 5 problems:')
assert !log.contains('COMPILATION ERROR')
assert !log.contains('Exception') || !log.contains('\tat dev.apispec')
assert !new File(basedir, 'target/generated-sources/apispec').exists()
return true
