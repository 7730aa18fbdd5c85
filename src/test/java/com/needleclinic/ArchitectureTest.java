package com.needleclinic;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layout of README.md ("Layout"), held by a test rather than by memory: a feature's
 * repositories and entities are its own, {@code shared} knows no feature, and the rules (policies
 * and entities) know no HTTP or Quarkus types, so they stay testable without Quarkus.
 */
class ArchitectureTest {

    static final String BASE = "com.needleclinic";

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    /** A feature's repositories are called from its own package only: other features call its service. */
    static final ArchRule REPOSITORIES_ARE_PRIVATE_TO_THEIR_FEATURE = classes()
            .that().areAssignableTo(PanacheRepositoryBase.class).or().haveSimpleNameEndingWith("Repository")
            .and().areNotInterfaces().and(resideInAFeature())
            .should(onlyBeAccessedFromTheirOwnPackage())
            .because("a feature calls another feature's service, never its repository");

    /**
     * Another feature may read an entity a service hands out, but never change, create or lock it:
     * an entity's mutators and constructors are package-private.
     */
    static final ArchRule ENTITIES_EXPOSE_NO_MUTATORS = methods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(Entity.class)
            .and().arePublic().and().doNotHaveModifier(JavaModifier.STATIC)
            .and().doNotHaveName("equals").and().doNotHaveName("hashCode").and().doNotHaveName("toString")
            .should().notHaveRawReturnType(void.class)
            .because("an entity's state changes only inside its own feature, through its rules");

    static final ArchRule ENTITIES_HAVE_NO_PUBLIC_CONSTRUCTORS = classes()
            .that().areAnnotatedWith(Entity.class)
            .should(haveNoPublicConstructor())
            .because("only the owning feature creates its entities");

    static final ArchRule SHARED_KNOWS_NO_FEATURE = noClasses()
            .that().resideInAPackage(BASE + ".shared..")
            .should().dependOnClassesThat(resideInAFeature())
            .because("shared holds problem+json, paging, idempotency and security helpers, nothing of a feature");

    static final ArchRule RULES_KNOW_NO_FRAMEWORK = noClasses()
            .that().haveSimpleNameEndingWith("Policy").or().areAnnotatedWith(Entity.class)
            .or().haveSimpleName("AvailabilityFinder")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "io.quarkus..", "io.vertx..",
                    "org.jboss.resteasy..")
            .because("the rules are plain Java, testable without Quarkus or HTTP");

    static final ArchRule RESOURCES_ARE_THIN = noClasses()
            .that().areAnnotatedWith(Path.class)
            .should().dependOnClassesThat().areAssignableTo(PanacheRepositoryBase.class)
            .orShould().dependOnClassesThat().areAnnotatedWith(Entity.class)
            .because("a resource is HTTP in, one service call, a DTO out");

    @Test
    void repositories_are_private_to_their_feature() {
        REPOSITORIES_ARE_PRIVATE_TO_THEIR_FEATURE.check(MAIN);
    }

    @Test
    void entities_expose_no_mutators_to_other_features() {
        ENTITIES_EXPOSE_NO_MUTATORS.check(MAIN);
        ENTITIES_HAVE_NO_PUBLIC_CONSTRUCTORS.check(MAIN);
    }

    @Test
    void shared_depends_on_no_feature() {
        SHARED_KNOWS_NO_FEATURE.check(MAIN);
    }

    @Test
    void policies_and_entities_know_no_http_or_quarkus_types() {
        RULES_KNOW_NO_FRAMEWORK.check(MAIN);
    }

    @Test
    void resources_use_no_repository_or_entity() {
        RESOURCES_ARE_THIN.check(MAIN);
    }

    static DescribedPredicate<JavaClass> resideInAFeature() {
        return DescribedPredicate.describe("reside in a feature package", c ->
                c.getPackageName().startsWith(BASE + ".") && !c.getPackageName().startsWith(BASE + ".shared"));
    }

    static ArchCondition<JavaClass> onlyBeAccessedFromTheirOwnPackage() {
        return new ArchCondition<>("only be accessed from their own package") {
            @Override
            public void check(JavaClass owner, ConditionEvents events) {
                owner.getDirectDependenciesToSelf().forEach(dependency -> {
                    JavaClass origin = dependency.getOriginClass();
                    String from = origin.getPackageName();
                    if (!from.equals(owner.getPackageName()) && from.startsWith(BASE)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                });
            }
        };
    }

    static ArchCondition<JavaClass> haveNoPublicConstructor() {
        return new ArchCondition<>("have no public constructor") {
            @Override
            public void check(JavaClass entity, ConditionEvents events) {
                entity.getConstructors().stream()
                        .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                        .forEach(c -> events.add(SimpleConditionEvent.violated(c, c.getFullName() + " is public")));
            }
        };
    }
}
