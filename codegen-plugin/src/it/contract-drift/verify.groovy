// The drifted recording failed its replay, naming the field; the coverage tests saw the missing recordings.
def log = new File(basedir, 'build.log').text
assert log.contains('books/get/success (GET /v2/books/get?isbn=978-3-16) breaks the contract') : 'the failing recording is not named'
assert log.contains('result.shelf') : 'the drifted field is not named'
assert log.contains('POST /v2/books/reserve has no success recording') : 'the coverage failure is not named'
return true
