package dev.governance.jdbc.examples.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

import java.time.LocalDate;

/** The same shape with {@code @DynamicUpdate}: Hibernate writes only the columns that changed. */
@Entity
@Table(name = "contact")
@DynamicUpdate
public class Contact {
    @Id
    private Integer id;
    private String name;
    private String email;
    @Column(name = "date_of_birth")
    private LocalDate dateOfBirth;

    protected Contact() {
    }

    public Integer getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public LocalDate getDateOfBirth() {
        return dateOfBirth;
    }
}
