// The library's checks ran as the project's tests: five replays (JSON and protobuf; one skipped) and four coverage tests, all passing.
// (The report names dynamic tests by index unless surefire is told to use their display names, as
// contract-tests does.)
def report = new File(basedir, 'target/surefire-reports/TEST-dev.example.library.LibraryContractTest.xml')
assert report.isFile() : 'no test report'
def xml = report.text
assert xml.contains('tests="9"') : xml
// the replay of a 'codes' answer cannot be judged yet: skipped, with the reason
assert xml.contains('skipped="1"') && xml.contains('do not replay') : xml
assert xml.contains('failures="0"') && xml.contains('errors="0"') : xml
return true
