// The library's checks ran as the project's tests: four replays (JSON and protobuf) and four coverage tests, all passing.
// (The report names dynamic tests by index unless surefire is told to use their display names, as
// contract-tests does.)
def report = new File(basedir, 'target/surefire-reports/TEST-dev.example.library.LibraryContractTest.xml')
assert report.isFile() : 'no test report'
def xml = report.text
assert xml.contains('tests="8"') : xml
assert xml.contains('failures="0"') && xml.contains('errors="0"') : xml
return true
