// The generate goal wrote the client, the build compiled it with the project's own code, and the
// project's tests ran against it. The second build found nothing to regenerate, nor to export again.
def generated = new File(basedir, 'target/generated-sources/apispec/dev/example/shop')
['ShopClient.java', 'ShopApiException.java', 'OrdersApi.java',
 'model/Order.java', 'model/OrderQuery.java', 'model/OrderState.java'].each {
    assert new File(generated, it).isFile() : "missing generated file $it"
}
def classes = new File(basedir, 'target/classes/dev/example/shop')
['ShopClient.class', 'ShopClient$Builder.class', 'OrdersApi.class', 'model/Order.class', 'app/App.class'].each {
    assert new File(classes, it).isFile() : "missing compiled class $it"
}
assert new File(basedir, 'target/surefire-reports/TEST-dev.example.shop.app.ShopClientTest.xml').isFile()

def log = new File(basedir, 'build.log').text
assert log.contains('Generated 6 Java files from src/main/spec into target/generated-sources/apispec')
assert log.contains('Generated sources are up to date in target/generated-sources/apispec')
assert log.count('Wrote the OpenAPI document target/openapi/openapi.json') == 1
assert log.contains('The OpenAPI document target/openapi/openapi.json is up to date')
assert new File(basedir, 'target/openapi/openapi.json').text.contains('"openapi"')
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')

// The plugin jar this build ran carries Eclipse m2e's lifecycle mapping (PluginDescriptorTest checks what it says).
def jars = new File(localRepositoryPath, 'dev/apispec/apispec-maven-plugin').listFiles().collectMany { version ->
    version.listFiles().findAll { it.name.endsWith('.jar') } as List
}
assert !jars.isEmpty() : 'the plugin jar is not in the integration tests\' repository'
jars.each { file ->
    new java.util.jar.JarFile(file).withCloseable { jar ->
        assert jar.getEntry('META-INF/m2e/lifecycle-mapping-metadata.xml') != null : "no m2e lifecycle mapping in $file"
    }
}
return true
