// Built with two threads a core, every module generated from its own spec into its own folder, compiled the
// code that uses it, and left nothing else behind; the second build found every module up to date.
def log = new File(basedir, 'build.log').text
def threads = (log =~ /Using the MultiThreadedBuilder implementation with a thread count of (\d+)/)
assert threads.find() && (threads.group(1) as int) >= 2 : 'the build was not multi-threaded'
assert !log.contains('@threadSafe') : 'Maven warned about a plugin that is not thread-safe'
def modules = [alpha: ['Alpha', 'dev/example/alpha', ['Order', 'Customer', 'Address'], ['Orders', 'Customers']],
               beta : ['Beta', 'dev/example/beta', ['Ticket', 'Comment'], ['Tickets']],
               gamma: ['Gamma', 'dev/example/gamma', ['Sensor', 'Reading', 'Alert', 'Threshold'], ['Sensors', 'Alerts', 'Readings']],
               delta: ['Delta', 'dev/example/delta', ['Invoice'], ['Invoices']]]
modules.each { module, expected ->
    def (name, path, types, groups) = expected
    def output = new File(basedir, "$module/target/generated-sources/apispec")
    def files = []
    output.eachFileRecurse(groovy.io.FileType.FILES) { files << output.toPath().relativize(it.toPath()).toString().replace('\\', '/') }
    def wanted = (["$path/${name}Client.java", "$path/${name}ApiException.java"]
            + types.collect { "$path/model/${it}.java" } + groups.collect { "$path/${it}Api.java" }).collect { it.toString() }
    assert files.sort() == wanted.sort() : "$module generated $files"
    assert new File(basedir, "$module/target/classes/$path/app/Uses.class").isFile() : "$module did not compile its code"
    def siblings = output.parentFile.list().findAll { it.startsWith('.apispec.') }
    assert siblings.isEmpty() : "$module left $siblings"
    def count = wanted.size()
    assert log.count("Generated $count Java files from src/main/spec into target/generated-sources/apispec") == 1 : "$module"
}
assert log.count('Generated sources are up to date in target/generated-sources/apispec') == 4
return true
