package org.yingzhi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/**
 * Module boundaries of the application's own classes: no dependency cycle between feature packages
 * ({@code asset}, {@code job}, {@code pipeline} ...) nor between any two packages (so {@code media} and
 * {@code media.spec} cannot import each other), and native FFmpeg code only in {@code media.ffmpeg}.
 * <p>
 * A feature is a package ({@code asset}, {@code gazetteer.link} ...) with its {@code internal} sub-packages. Its
 * API is its public types; its repositories and anything under {@code internal} are its own: no other feature may
 * use them, and repositories are not public (so the compiler refuses a use before this test runs). Controllers
 * are package-private, and page controllers live in their feature, not in the shared {@code web} package.
 */
class ArchitectureTest {

    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.yingzhi");

    static ArchRule noCyclesBetweenFeatures(String root) {
        return slices().matching(root + ".(*)..").namingSlices("feature $1").should().beFreeOfCycles();
    }

    static ArchRule noCyclesBetweenPackages(String root) {
        return slices().matching(root + ".(**)").namingSlices("package $1").should().beFreeOfCycles();
    }

    /** The feature a class belongs to: its package, less any {@code .internal} part. */
    static String feature(JavaClass c) {
        String p = c.getPackageName();
        int i = p.indexOf(".internal");
        return i < 0 ? p : p.substring(0, i);
    }

    static final DescribedPredicate<JavaClass> OWN_PARTS = new DescribedPredicate<>("repositories and internal classes") {
        @Override
        public boolean test(JavaClass c) {
            return c.getSimpleName().endsWith("Repository") || c.getPackageName().contains(".internal");
        }
    };

    /** Repositories and internal classes are used only from their own feature (the class itself and its nested types). */
    static ArchRule ownPartsStayInTheirFeature() {
        return classes().that(OWN_PARTS).should(new ArchCondition<>("be used only within their own feature") {
            @Override
            public void check(JavaClass target, ConditionEvents events) {
                for (Dependency d : target.getDirectDependenciesToSelf()) {
                    JavaClass origin = d.getOriginClass();
                    String from = feature(origin);
                    if (!from.equals(feature(target)) && !from.startsWith(feature(target) + ".internal")) {
                        events.add(SimpleConditionEvent.violated(d, origin.getName() + " (feature " + from
                                + ") uses " + target.getName() + ", which belongs to feature " + feature(target)
                                + ": " + d.getDescription()));
                    }
                }
            }
        }).because("another feature may use only a feature's API types");
    }

    static ArchRule repositoriesAreNotPublic() {
        return classes().that().haveSimpleNameEndingWith("Repository").and().areTopLevelClasses()
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .because("a repository is its feature's own: others use the feature's services and ports");
    }

    @Test
    void featuresUseEachOthersApiOnly() {
        ownPartsStayInTheirFeature().check(APP);
        repositoriesAreNotPublic().check(APP);
    }

    @Test
    void controllersArePackagePrivateAndLiveInTheirFeature() {
        classes().that().areAnnotatedWith(org.springframework.stereotype.Controller.class)
                .or().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should().notHaveModifier(JavaModifier.PUBLIC).check(APP);
        noClasses().that().resideInAPackage("org.yingzhi.web")
                .should().beAnnotatedWith(org.springframework.stereotype.Controller.class)
                .because("a page controller lives in the feature whose page it is; web holds shared page helpers")
                .check(APP);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        noCyclesBetweenFeatures("org.yingzhi").check(APP);
    }

    @Test
    void noTwoPackagesImportEachOther() {
        noCyclesBetweenPackages("org.yingzhi").check(APP);
    }

    @Test
    void onlyTheFfmpegPackageTouchesNativeCode() {
        noClasses().that().resideOutsideOfPackage("org.yingzhi.media.ffmpeg..")
                .should().dependOnClassesThat().resideInAPackage("org.bytedeco..")
                .because("native FFmpeg code stays behind MediaToolkit, in media.ffmpeg")
                .check(APP);
    }

    @Test
    void theRulesCatchACycle() {
        // a deliberate cycle in test sources: the same rules must report it
        JavaClasses fixture = new ClassFileImporter().importPackages("org.yingzhi.archfixture");
        assertTrue(noCyclesBetweenFeatures("org.yingzhi.archfixture").evaluate(fixture).hasViolation());
        assertTrue(noCyclesBetweenPackages("org.yingzhi.archfixture").evaluate(fixture).hasViolation());
        // a feature importing another's repository and internal class (archfixture.intruder -> archfixture.owner)
        var own = ownPartsStayInTheirFeature().evaluate(fixture);
        assertTrue(own.hasViolation());
        String report = String.join("\n", own.getFailureReport().getDetails());
        assertTrue(report.contains("Intruder") && report.contains("OwnerRepository") && report.contains("OwnerDetail"),
                report);
        assertTrue(!report.contains("OwnerService"), "a feature's own use of its parts is allowed: " + report);
        assertTrue(repositoriesAreNotPublic().evaluate(fixture).hasViolation());
        assertTrue(APP.containPackage("org.yingzhi.asset") && !APP.containPackage("org.yingzhi.archfixture"),
                "the application's classes are checked, not the fixture");
    }
}
