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
return true
