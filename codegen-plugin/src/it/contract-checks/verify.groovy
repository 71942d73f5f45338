// The library's checks ran as the project's tests: fourteen replays (JSON, protobuf, a code answer, text, bytes, an
// endpoint's own envelope and none, a payload beside the code (success and failure), a second host) and four
// coverage tests, all passing, none skipped.
// (The report names dynamic tests by index unless surefire is told to use their display names, as
// contract-tests does.)
def report = new File(basedir, 'target/surefire-reports/TEST-dev.example.library.LibraryContractTest.xml')
assert report.isFile() : 'no test report'
def xml = report.text
assert xml.contains('tests="18"') : xml
assert xml.contains('skipped="0"') : xml
assert xml.contains('failures="0"') && xml.contains('errors="0"') : xml
return true
