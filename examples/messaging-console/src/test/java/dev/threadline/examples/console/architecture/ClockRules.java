package dev.threadline.examples.console.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.InstantSource;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Main code reads the time only through an injected {@link Clock}: then a test can fix the time, and every
 * part of an application agrees on what time it is.
 *
 * <p>{@link #NO_WALL_CLOCK_READS}: no {@code now()} of a {@code java.time} type without a {@code Clock}
 * argument (this includes {@code LocalDate.now(zone)}), no {@code System.currentTimeMillis()}, no
 * {@code new Date()}, no {@code Calendar.getInstance()}, whether called or passed as a method reference.
 * {@code System.nanoTime()} stays allowed: it measures how long something took, it does not tell the time.
 *
 * <p>{@link #SYSTEM_CLOCK_ONLY_AS_A_REPLACEABLE_DEFAULT}: {@code Clock.systemUTC()},
 * {@code Clock.systemDefaultZone()}, {@code Clock.system(zone)} and {@code InstantSource.system()} appear only
 * where the caller can put its own clock in their place:
 * <ul>
 *   <li>a builder's default: a constructor (or field initializer) of a class named {@code Builder} or {@code …Builder} that has
 *       a method taking a {@code Clock};</li>
 *   <li>a convenience constructor that hands the system clock to a constructor of its own class taking a
 *       {@code Clock};</li>
 *   <li>a Spring {@code @Bean} method that provides the {@code Clock} (the starter's backs off for the
 *       host's own).</li>
 * </ul>
 */
final class ClockRules {

    private static final String SPRING_BEAN = "org.springframework.context.annotation.Bean";
    private static final Set<String> SYSTEM_CLOCK_FACTORIES = Set.of("systemUTC", "systemDefaultZone", "system");

    private static final DescribedPredicate<JavaAccess<?>> READS_THE_WALL_CLOCK = describe(
            "it reads the wall clock: now() of a java.time type without a Clock, System.currentTimeMillis(), new Date() "
                    + "or Calendar.getInstance()",
            access -> isNowWithoutAClock(access)
                    || targets(access, System.class, "currentTimeMillis")
                    || targets(access, Date.class, JavaConstructor.CONSTRUCTOR_NAME) && parameterTypes(access).isEmpty()
                    || targets(access, Calendar.class, "getInstance"));

    private static final DescribedPredicate<JavaAccess<?>> CREATES_THE_SYSTEM_CLOCK_WHERE_IT_CANNOT_BE_REPLACED = describe(
            "it creates the system clock (Clock.systemUTC(), systemDefaultZone(), system(zone), InstantSource.system()) "
                    + "other than as a builder's default, in a constructor handing it to the one taking a Clock, "
                    + "or in the @Bean providing the Clock",
            access -> createsTheSystemClock(access) && !isReplaceableDefault(access.getOrigin()));

    /** No main code reads the wall clock. */
    static final ArchRule NO_WALL_CLOCK_READS = noClasses()
            .should().accessTargetWhere(READS_THE_WALL_CLOCK)
            .because("the time comes from the injected Clock, so that tests can fix it");

    /** The system clock is created only as a default that callers can replace. */
    static final ArchRule SYSTEM_CLOCK_ONLY_AS_A_REPLACEABLE_DEFAULT = noClasses()
            .should().accessTargetWhere(CREATES_THE_SYSTEM_CLOCK_WHERE_IT_CANNOT_BE_REPLACED)
            .because("a clock that cannot be replaced is the wall clock under another name");

    private ClockRules() {
    }

    private static boolean isNowWithoutAClock(JavaAccess<?> access) {
        return access.getTargetOwner().getPackageName().equals("java.time") && access.getName().equals("now")
                && !takesOnlyAClock(parameterTypes(access));
    }

    private static boolean createsTheSystemClock(JavaAccess<?> access) {
        return (access.getTargetOwner().isEquivalentTo(Clock.class) || access.getTargetOwner().isEquivalentTo(InstantSource.class))
                && SYSTEM_CLOCK_FACTORIES.contains(access.getName());
    }

    private static boolean isReplaceableDefault(JavaCodeUnit origin) {
        return isBuilderDefault(origin) || isConstructorHandingItOn(origin) || isClockBean(origin);
    }

    private static boolean isBuilderDefault(JavaCodeUnit origin) {
        JavaClass owner = origin.getOwner();
        return origin.isConstructor() && owner.getSimpleName().endsWith("Builder")
                && owner.getMethods().stream().anyMatch(method -> takesOnlyAClock(method.getRawParameterTypes()));
    }

    private static boolean isConstructorHandingItOn(JavaCodeUnit origin) {
        return origin.isConstructor() && origin.getConstructorCallsFromSelf().stream()
                .anyMatch(call -> call.getTargetOwner().equals(origin.getOwner())
                        && call.getTarget().getRawParameterTypes().stream().anyMatch(type -> type.isEquivalentTo(Clock.class)));
    }

    private static boolean isClockBean(JavaCodeUnit origin) {
        return origin.isAnnotatedWith(SPRING_BEAN) && origin.getRawReturnType().isEquivalentTo(Clock.class);
    }

    private static boolean targets(JavaAccess<?> access, Class<?> owner, String name) {
        return access.getTargetOwner().isEquivalentTo(owner) && access.getName().equals(name);
    }

    private static List<JavaClass> parameterTypes(JavaAccess<?> access) {
        return access.getTarget() instanceof CodeUnitAccessTarget target ? target.getRawParameterTypes() : List.of();
    }

    private static boolean takesOnlyAClock(List<JavaClass> parameterTypes) {
        return parameterTypes.size() == 1 && parameterTypes.get(0).isEquivalentTo(Clock.class);
    }
}
