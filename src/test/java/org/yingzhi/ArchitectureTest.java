package org.yingzhi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Module boundaries of the application's own classes: no dependency cycle between feature packages
 * ({@code asset}, {@code job}, {@code pipeline} ...) nor between any two packages (so {@code media} and
 * {@code media.spec} cannot import each other), and native FFmpeg code only in {@code media.ffmpeg}.
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
        assertTrue(APP.containPackage("org.yingzhi.asset") && !APP.containPackage("org.yingzhi.archfixture"),
                "the application's classes are checked, not the fixture");
    }
}
