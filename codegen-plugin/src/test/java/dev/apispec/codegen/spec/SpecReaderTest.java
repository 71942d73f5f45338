package dev.apispec.codegen.spec;

import dev.apispec.codegen.diagnostics.Location;
import dev.apispec.codegen.diagnostics.Problem;
import dev.apispec.codegen.diagnostics.Problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.apispec.codegen.SpecProblems;
import dev.apispec.codegen.model.Spec;
import dev.apispec.codegen.validate.SpecValidator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the reader reports about the shape of a spec: YAML it cannot read, keys it does not know, values
 * of the wrong kind, keys that are missing. Each problem names the file, line and column to fix.
 */
class SpecReaderTest {

  /** Reads and validates {@code yaml} the way the pipeline does, and returns the problems in order. */
  private static List<String> problemsOf(String yaml) {
    Problems problems = new Problems();
    Spec spec = SpecReader.readText("spec.yaml", yaml, problems);
    SpecValidator.validate(spec, null, problems);
    return problems.sorted().stream().map(Problem::toString).toList();
  }

  @Test
  void aValidSpecHasNoProblems() {
    assertEquals(List.of(), problemsOf("""
        api:
          name: Demo
          package: dev.demo
          baseUrl: https://api.example.com
          auth:
            header: token
        """));
  }

  @Test
  void yamlSyntaxErrorIsReportedWhereItIsAndAlone() {
    // The third line is indented one space too far. Nothing else is reported: the document could not be
    // read, so "no 'api' section" would only be noise.
    assertEquals(List.of("spec.yaml:3:11: not valid YAML: mapping values are not allowed here"),
        problemsOf("""
            api:
              name: Demo
               package: dev.demo
            """));
  }

  @Test
  void unclosedFlowMappingNamesWhatWasExpected() {
    assertEquals(List.of("spec.yaml:4:1: not valid YAML: expected ',' or '}', but got <stream end>"
            + " (while parsing a flow mapping)"),
        problemsOf("""
            api:
              name: Demo
              auth: {header: token
            """));
  }

  @Test
  void emptyFileIsReported() {
    assertEquals(List.of("spec.yaml:1:1: the file is empty; expected a map with 'api', 'types' or 'groups'"),
        problemsOf("# only a comment\n"));
  }

  @Test
  void duplicateKeyIsReportedAtTheSecondOccurrence() {
    assertEquals(List.of("spec.yaml:6:3: duplicate key 'package' (first at line 3)"),
        problemsOf("""
            api:
              name: Demo
              package: dev.demo
              baseUrl: https://api.example.com
              auth: {header: token}
              package: dev.other
            """));
  }

  @Test
  void unknownKeysAreReportedWithTheKeysThatAreAllowed() {
    assertEquals(List.of(
            "spec.yaml:1:1: unknown key 'apis' in a spec file; allowed: api, groups, types",
            "spec.yaml:10:5: unknown key 'colour' in type 'Tag'; allowed: doc, fields",
            "spec.yaml:14:9: unknown key 'optional' in field 'name' of type 'Tag';"
                + " allowed: doc, example, format, javaName, required, secret, type"),
        problemsOf("""
            apis: {}
            api:
              name: Demo
              package: dev.demo
              baseUrl: https://api.example.com
              auth: {header: token}
            types:
              Tag:
                doc: A tag.
                colour: red
                fields:
                  name:
                    type: string
                    optional: true
            """));
  }

  @Test
  void valuesOfTheWrongKindAreReported() {
    assertEquals(List.of(
            "spec.yaml:11:19: 'required' must be true or false, not a string",
            "spec.yaml:13:13: 'fields' of type 'Empty' must be a map, not a list",
            "spec.yaml:16:13: 'prefix' of group 'tags' must be a string, not a number",
            "spec.yaml:17:16: 'endpoints' of group 'tags' must be a list, not a map"),
        problemsOf("""
            api:
              name: Demo
              package: dev.demo
              baseUrl: https://api.example.com
              auth: {header: token}
            types:
              Tag:
                fields:
                  name:
                    type: string
                    required: "yes"
              Empty:
                fields: []
            groups:
              tags:
                prefix: 42
                endpoints: {}
            """));
  }

  @Test
  void aMisspeltKindOfATypeIsNamedWithTheKeyItWasMeantToBe() {
    assertEquals(List.of(
            "spec.yaml:2:3: type 'T' needs 'fields' (an object type) or 'enum' (an enum)",
            "spec.yaml:3:5: unknown key 'fileds' in type 'T'; did you mean 'fields'? (allowed: doc, enum, fields,"
                + " values)"),
        problemsOf("""
            types:
              T:
                fileds:
                  a: {type: string}
                doc: A type.
            """).stream().filter(p -> !p.contains("'api'")).toList());
  }

  @Test
  void missingRequiredKeysAreReportedOnTheMapThatLacksThem() {
    assertEquals(List.of(
            "spec.yaml:2:3: 'api' is missing 'name'",
            "spec.yaml:2:3: 'api' is missing 'package'",
            "spec.yaml:2:3: 'api' is missing 'baseUrl'",
            "spec.yaml:3:5: 'auth' is missing 'header'"),
        problemsOf("""
            api:
              auth:
                doc: The session token.
            """));
  }

  @Test
  void anApiWithoutAuthIsValidButAnEndpointMayNotAskForIt() {
    assertEquals(List.of(), problemsOf("""
        api:
          name: Demo
          package: dev.demo
          baseUrl: https://api.example.com
        """));
    assertEquals(List.of("spec.yaml:8:11: group 'open' needs a credential, but 'api' declares no 'auth'",
            "spec.yaml:13:15: endpoint '/v1/open/b' needs a credential, but 'api' declares no 'auth'"),
        problemsOf("""
            api:
              name: Demo
              package: dev.demo
              baseUrl: https://api.example.com
              json: {envelope: {code: code, message: msg, data: data, success: 1}}
            groups:
              open:
                auth: required
                prefix: /v1/open/
                endpoints:
                  - path: /v1/open/a
                  - path: /v1/open/b
                    auth: required
            """));
  }

  @Test
  void aSpecWithoutApiSectionIsReportedOnItsFirstFile() {
    assertEquals(List.of("spec.yaml:1:1: no file of the spec has an 'api' section; add one"),
        SpecProblems.of("""
            types:
              Tag:
                fields:
                  name: {type: string}
            """));
  }

  @Test
  void theReaderKeepsWhatItCouldRead() {
    Problems problems = new Problems();
    Spec spec = SpecReader.readText("spec.yaml", """
        api:
          name: Demo
          package: dev.demo
          baseUrl: https://api.example.com
          auth: {header: token, doc: The session token.}
        types:
          Tag:
            fields:
              name: {type: string, required: true}
        """, problems);
    assertEquals(List.of(), problems.sorted());
    assertEquals("Demo", spec.api().name());
    assertEquals("token", spec.api().authHeader());
    assertNull(spec.api().json());
    assertEquals("Tag", spec.types().get(0).name());
    assertEquals(new Location("spec.yaml", 7, 3), spec.types().get(0).location());
  }

  @Test
  void versionAndLicenseAreReadAndOptional() {
    Problems problems = new Problems();
    Spec spec = SpecReader.readText("spec.yaml", """
        api:
          name: Demo
          package: dev.demo
          baseUrl: https://api.example.com
          version: "1.10"
          license: {name: Apache-2.0, url: https://www.apache.org/licenses/LICENSE-2.0}
          auth: {header: token}
        """, problems);
    assertEquals(List.of(), problems.sorted());
    assertEquals("1.10", spec.api().version());
    assertEquals("Apache-2.0", spec.api().license().name());
    assertEquals("https://www.apache.org/licenses/LICENSE-2.0", spec.api().license().url());
    assertEquals(new Location("spec.yaml", 6, 12), spec.api().license().location());

    Spec bare = SpecReader.readText("spec.yaml", "api: {name: Demo}\n", new Problems());
    assertNull(bare.api().version());
    assertNull(bare.api().license());
  }

  @Test
  void versionAndLicenseMustSaySomething() {
    assertEquals(List.of(
            "spec.yaml:2:3: api 'version' is empty; give the API's version, such as \"1.0\", or leave it out",
            "spec.yaml:6:12: 'license' is missing 'name'",
            "spec.yaml:6:12: license 'url' 'ftp://example.com/license' must be an absolute http or https URL",
            "spec.yaml:6:45: unknown key 'spdx' in 'license'; allowed: name, url"),
        problemsOf("""
            api:
              name: Demo
              version: " "
              package: dev.demo
              baseUrl: https://api.example.com
              license: {url: ftp://example.com/license, spdx: MIT}
              auth: {header: token}
            """));
    // unquoted, 1.10 would be the number 1.1
    assertEquals(List.of(
            "spec.yaml:3:12: 'version' must be a string, not a number",
            "spec.yaml:6:19: 'name' of 'license' must not be empty"),
        problemsOf("""
            api:
              name: Demo
              version: 1.10
              package: dev.demo
              baseUrl: https://api.example.com
              license: {name: " "}
              auth: {header: token}
            """));
  }
}
